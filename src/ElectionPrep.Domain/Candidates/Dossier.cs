using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.Candidates;

/// <summary>Giới tính.</summary>
public enum Gender
{
    /// <summary>Nữ.</summary>
    Female,

    /// <summary>Nam.</summary>
    Male,
}

/// <summary>Giấy tờ trong hồ sơ ứng cử (NQ 41/NQ-HĐBCQG).</summary>
public enum DocumentKind
{
    /// <summary>Đơn ứng cử.</summary>
    Application,

    /// <summary>Sơ yếu lý lịch có chứng thực.</summary>
    CertifiedCurriculumVitae,

    /// <summary>Tiểu sử tóm tắt.</summary>
    ShortBiography,

    /// <summary>Bản kê khai tài sản, thu nhập.</summary>
    AssetDeclaration,

    /// <summary>Ảnh chân dung.</summary>
    Photos,
}

/// <summary>Tên giấy tờ: what the law calls each document of the dossier, in the texts a person reads.</summary>
public static class DocumentNames
{
    public static BilingualText Of(DocumentKind kind) => kind switch
    {
        DocumentKind.Application => new("Đơn ứng cử", "Application"),
        DocumentKind.CertifiedCurriculumVitae => new("Sơ yếu lý lịch có chứng thực", "Certified curriculum vitae"),
        DocumentKind.ShortBiography => new("Tiểu sử tóm tắt", "Short biography"),
        DocumentKind.AssetDeclaration => new("Bản kê khai tài sản, thu nhập", "Asset and income declaration"),
        DocumentKind.Photos => new("Ảnh chân dung", "Portrait photos"),
        _ => new(kind.ToString(), kind.ToString()),
    };
}

/// <summary>
/// Một giấy tờ: its kind and the SHA-256 of the file, so any later change to it shows. Its file name is kept with the
/// protected data: people name files after the candidate's ID or name, and the dossier is read by others.
/// </summary>
public sealed record DossierDocument(DocumentKind Kind, string Sha256);

/// <summary>Một cuộc họp trong quy trình giới thiệu: when it was held and its minutes or decision reference.</summary>
public sealed record NominationMeeting(DateOnly HeldOn, string Reference);

/// <summary>Hội nghị cử tri nơi công tác của cơ quan giới thiệu: voters invited and present, and how many trusted the nominee.</summary>
public sealed record WorkplaceConferenceResult(DateOnly HeldOn, int Invited, int Present, int Trust, string MinutesReference);

/// <summary>
/// Giới thiệu người ứng cử: the nominating body and its three meetings (leadership proposal, workplace voter
/// conference, leadership decision). A self-nominee (người tự ứng cử) has none.
/// </summary>
public sealed record Nomination(
    string NominatingBody,
    NominationMeeting LeadershipProposal,
    WorkplaceConferenceResult WorkplaceConference,
    NominationMeeting LeadershipDecision);

/// <summary>
/// Hồ sơ ứng cử, public part: what observers and the posted list may show. Protected personal data is kept apart in
/// <see cref="ProtectedPersonalData"/>.
/// </summary>
/// <param name="FullName">Unicode NFC, as written on the citizen identity card.</param>
/// <param name="ResidenceUnitCode">The commune (or ward) of permanent or temporary residence.</param>
/// <param name="WorkplaceUnitCode">The commune where the workplace is, if any.</param>
/// <param name="IncumbentOf">The council the person currently sits on, if any (đại biểu đương nhiệm).</param>
/// <param name="BarringGrounds">Grounds of Luật 85 Điều 37 that apply (verified by the receiving body); normally empty.</param>
/// <param name="FullTime">Dự kiến là đại biểu hoạt động chuyên trách: proposed as a full-time deputy.</param>
public sealed record CandidateDossier(
    string FullName,
    DateOnly DateOfBirth,
    Gender Gender,
    string Ethnicity,
    string Religion,
    string Nationality,
    IReadOnlyList<string> OtherNationalities,
    bool PartyMember,
    string Education,
    string Profession,
    string Workplace,
    string? WorkplaceUnitCode,
    string ResidenceUnitCode,
    CouncilKind? IncumbentOf,
    Nomination? Nomination,
    IReadOnlyList<DossierDocument> Documents,
    IReadOnlyList<string> BarringGrounds,
    bool FullTime = false)
{
    public const string Vietnam = "Việt Nam";

    /// <summary>The documents a dossier must hold (NQ 41/NQ-HĐBCQG).</summary>
    public static IReadOnlyList<DocumentKind> RequiredDocuments { get; } = Enum.GetValues<DocumentKind>();

    public bool IsSelfNominated => Nomination is null;

    public IEnumerable<DocumentKind> MissingDocuments => RequiredDocuments.Except(Documents.Select(document => document.Kind));
}

/// <summary>
/// Thông tin cá nhân được bảo vệ: the citizen ID, addresses and contact data. Withheld from observers and public
/// exports; the citizen ID is also the identity that joins one person's candidacies across processes.
/// </summary>
/// <param name="DocumentFileNames">The name each document's file had when it was hashed.</param>
public sealed record ProtectedPersonalData(string CitizenId, string ResidenceAddress, string? Phone, string? Email,
    IReadOnlyDictionary<DocumentKind, string>? DocumentFileNames = null);
