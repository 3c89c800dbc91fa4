using System.Text.RegularExpressions;
using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.Common;
using ElectionPrep.Pages;
using ElectionPrep.Terms;

namespace ElectionPrep.Spreadsheets;

/// <summary>
/// Bảng tính hồ sơ ứng cử: one dossier a row, as the dossier form and POST …/candidacies/batches take it. The columns the
/// official list's CSV also has carry its headers. A nominee's row names the nominating body and its three meetings; a
/// self-nominee's leaves the body empty (or says "Tự ứng cử"). Each document is the line `sha256sum` prints for its file.
/// </summary>
public static partial class DossierSheet
{
    private const string Nominating = nameof(FileCandidacyRequest.Nomination);
    private const string Proposal = $"{Nominating}.{nameof(Nomination.LeadershipProposal)}";
    private const string Conference = $"{Nominating}.{nameof(Nomination.WorkplaceConference)}";
    private const string Deciding = $"{Nominating}.{nameof(Nomination.LeadershipDecision)}";

    private static readonly BilingualText Date = new("Ngày, viết dd/MM/yyyy.", "A date, written dd/MM/yyyy.");
    private static readonly BilingualText YesNo = new("Có hoặc Không.", "Có (yes) or Không (no).");

    public static readonly SheetColumn FullName = new("Họ và tên", "full_name", new("Như trên căn cước.", "As on the identity card."), nameof(FileCandidacyRequest.FullName), Required: true);
    public static readonly SheetColumn DateOfBirth = new(OfficialListColumns.DateOfBirthVi, OfficialListColumns.DateOfBirthEn, Date, nameof(FileCandidacyRequest.DateOfBirth), Required: true);
    public static readonly SheetColumn Gender = new(OfficialListColumns.GenderVi, OfficialListColumns.GenderEn, new("Nam hoặc Nữ.", "Nam (male) or Nữ (female)."), nameof(FileCandidacyRequest.Gender));
    public static readonly SheetColumn Ethnicity = new(OfficialListColumns.EthnicityVi, OfficialListColumns.EthnicityEn, new("Ví dụ: Kinh, Tày.", "E.g. Kinh, Tày."), nameof(FileCandidacyRequest.Ethnicity));
    public static readonly SheetColumn Religion = new("Tôn giáo", "religion", new("Ghi 'Không' nếu không có.", "'Không' for none."), nameof(FileCandidacyRequest.Religion));
    public static readonly SheetColumn Nationality = new("Quốc tịch", "nationality", new("Việt Nam.", "Việt Nam."), nameof(FileCandidacyRequest.Nationality));
    public static readonly SheetColumn OtherNationalities = new("Quốc tịch khác", "other_nationalities", new("Để trống nếu không có; nhiều thì ngăn bằng dấu ;.", "Empty if none; several separated by ;."), nameof(FileCandidacyRequest.OtherNationalities));
    public static readonly SheetColumn PartyMember = new(OfficialListColumns.PartyMemberVi, OfficialListColumns.PartyMemberEn, YesNo, nameof(FileCandidacyRequest.PartyMember));
    public static readonly SheetColumn Education = new("Trình độ học vấn", "education", new("Ví dụ: Đại học.", "E.g. Đại học (university)."), nameof(FileCandidacyRequest.Education));
    public static readonly SheetColumn Profession = new("Nghề nghiệp, chức vụ", "profession", new("Nghề nghiệp, chức vụ hiện nay.", "Current profession and position."), nameof(FileCandidacyRequest.Profession));
    public static readonly SheetColumn Workplace = new("Nơi công tác", "workplace", new("Cơ quan, đơn vị công tác.", "The workplace."), nameof(FileCandidacyRequest.Workplace));
    public static readonly SheetColumn WorkplaceUnitCode = new("Mã xã nơi công tác", "workplace_unit_code", new("Mã đơn vị hành chính nơi công tác; có thể để trống.", "The workplace's administrative unit code; may be empty."), nameof(FileCandidacyRequest.WorkplaceUnitCode));
    public static readonly SheetColumn ResidenceUnitCode = new("Mã xã nơi cư trú", "residence_unit_code", new("Mã xã, phường, thị trấn nơi cư trú, ví dụ 01837.", "The commune or ward code of residence, e.g. 01837."), nameof(FileCandidacyRequest.ResidenceUnitCode));
    public static readonly SheetColumn IncumbentOf = new("Đại biểu đương nhiệm của", "incumbent_of", new("Hội đồng đang là đại biểu; để trống nếu không.", "The council the person sits on now; empty if none."), nameof(FileCandidacyRequest.IncumbentOf));
    public static readonly SheetColumn FullTime = new("Dự kiến chuyên trách", "full_time", YesNo, nameof(FileCandidacyRequest.FullTime));
    public static readonly SheetColumn BarringGrounds = new("Trường hợp không được ứng cử", "barring_grounds", new("Thường để trống; nhiều thì ngăn bằng dấu ;.", "Normally empty; several separated by ;."), nameof(FileCandidacyRequest.BarringGrounds));
    public static readonly SheetColumn NominatedBy = new(OfficialListColumns.NominatedByVi, OfficialListColumns.NominatedByEn, new("Để trống hoặc ghi 'Tự ứng cử' nếu tự ứng cử; khi đó bỏ trống các cột họp và hội nghị.", "Empty or 'Tự ứng cử' for a self-nominee, whose meeting columns stay empty."), $"{Nominating}.{nameof(Nomination.NominatingBody)}");
    public static readonly SheetColumn ProposalDate = new("Ngày họp lãnh đạo", "leadership_meeting_date", Date, $"{Proposal}.{nameof(NominationMeeting.HeldOn)}");
    public static readonly SheetColumn ProposalReference = new("Biên bản họp lãnh đạo", "leadership_meeting_minutes", new("Số biên bản.", "The minutes' reference."), $"{Proposal}.{nameof(NominationMeeting.Reference)}");
    public static readonly SheetColumn ConferenceDate = new("Ngày hội nghị cử tri nơi công tác", "workplace_conference_date", Date, $"{Conference}.{nameof(WorkplaceConferenceResult.HeldOn)}");
    public static readonly SheetColumn ConferenceInvited = new("Số cử tri được mời", "workplace_conference_invited", new("Số nguyên.", "A whole number."), $"{Conference}.{nameof(WorkplaceConferenceResult.Invited)}");
    public static readonly SheetColumn ConferencePresent = new("Số cử tri có mặt", "workplace_conference_present", new("Số nguyên.", "A whole number."), $"{Conference}.{nameof(WorkplaceConferenceResult.Present)}");
    public static readonly SheetColumn ConferenceTrust = new("Số cử tri tín nhiệm", "workplace_conference_trust", new("Số nguyên.", "A whole number."), $"{Conference}.{nameof(WorkplaceConferenceResult.Trust)}");
    public static readonly SheetColumn ConferenceMinutes = new("Biên bản hội nghị cử tri nơi công tác", "workplace_conference_minutes", new("Số biên bản.", "The minutes' reference."), $"{Conference}.{nameof(WorkplaceConferenceResult.MinutesReference)}");
    public static readonly SheetColumn DecisionDate = new("Ngày quyết định giới thiệu", "nominating_decision_date", Date, $"{Deciding}.{nameof(NominationMeeting.HeldOn)}");
    public static readonly SheetColumn DecisionReference = new("Số quyết định giới thiệu", "nominating_decision_reference", new("Số quyết định.", "The decision's reference."), $"{Deciding}.{nameof(NominationMeeting.Reference)}");
    public static readonly SheetColumn CitizenId = new("Số định danh cá nhân", "citizen_id", new("12 chữ số; định dạng ô là văn bản để giữ số 0 đầu.", "12 digits; format the cells as text to keep leading zeros."), nameof(FileCandidacyRequest.CitizenId));
    public static readonly SheetColumn ResidenceAddress = new("Địa chỉ nơi cư trú", "residence_address", new("Địa chỉ đầy đủ.", "The full address."), nameof(FileCandidacyRequest.ResidenceAddress));
    public static readonly SheetColumn Phone = new("Số điện thoại", "phone", new("Có thể để trống; định dạng ô là văn bản.", "May be empty; format the cells as text."), nameof(FileCandidacyRequest.Phone));
    public static readonly SheetColumn Email = new("Thư điện tử", "email", new("Có thể để trống.", "May be empty."), nameof(FileCandidacyRequest.Email));

    /// <summary>One column per document the dossier must hold (NQ 41/NQ-HĐBCQG), named as the dossier form names it.</summary>
    public static readonly IReadOnlyDictionary<DocumentKind, SheetColumn> Documents = Names.Both<DocumentKind>().ToDictionary(pair => pair.Key,
        pair => new SheetColumn(pair.Value.Vi, $"document_{JsonSnake(pair.Key)}",
            new("Dòng `sha256sum` in cho tệp: mã SHA-256 rồi tên tệp.", "The line `sha256sum` prints for the file: its SHA-256, then its name."), null));

    public static readonly SheetKind Kind = new("dossiers", new("Hồ sơ ứng cử", "Dossiers"),
    [
        FullName, DateOfBirth, Gender, Ethnicity, Religion, Nationality, OtherNationalities, PartyMember, Education, Profession, Workplace,
        WorkplaceUnitCode, ResidenceUnitCode, IncumbentOf, FullTime, BarringGrounds, NominatedBy, ProposalDate, ProposalReference, ConferenceDate,
        ConferenceInvited, ConferencePresent, ConferenceTrust, ConferenceMinutes, DecisionDate, DecisionReference, .. Documents.Values, CitizenId,
        ResidenceAddress, Phone, Email,
    ], nameof(FileCandidaciesRequest.Dossiers));

    /// <summary>The batch of the sheet's dossiers, to be filed (not a dry run) once confirmed.</summary>
    public static FileCandidaciesRequest Batch(IReadOnlyList<SheetRow> rows) => new([.. rows.Select(Read)], DryRun: false);

    /// <summary>The dossier a row holds; what a cell cannot give is named on the row and left neutral, for the validators to see the rest.</summary>
    public static FileCandidacyRequest Read(SheetRow row) => new(
        row.Text(FullName), row.Date(DateOfBirth), row.Choice(Gender, Names.Both<Candidates.Gender>()), row.Text(Ethnicity), row.Text(Religion),
        row.Text(Nationality), row.List(OtherNationalities), row.YesOrNo(PartyMember), row.Text(Education), row.Text(Profession), row.Text(Workplace),
        row.OptionalText(WorkplaceUnitCode), row.Text(ResidenceUnitCode),
        row.Choice(IncumbentOf, Names.Both<CouncilKind>(), code => CouncilKinds.TryParse(code, out var council) ? council : null),
        NominationOf(row), DocumentsOf(row), row.List(BarringGrounds), row.YesOrNo(FullTime), CitizenIdOf(row), row.Text(ResidenceAddress),
        row.OptionalText(Phone), row.OptionalText(Email));

    private static Nomination? NominationOf(SheetRow row) =>
        row.OptionalText(NominatedBy) is { } body && body != OfficialListExport.SelfNominated
            ? new Nomination(body,
                new NominationMeeting(row.Date(ProposalDate), row.Text(ProposalReference)),
                new WorkplaceConferenceResult(row.Date(ConferenceDate), row.WholeNumber(ConferenceInvited), row.WholeNumber(ConferencePresent),
                    row.WholeNumber(ConferenceTrust), row.Text(ConferenceMinutes)),
                new NominationMeeting(row.Date(DecisionDate), row.Text(DecisionReference)))
            : null;

    /// <summary>The documents the row names, in column order: each filled cell is "hash name" (as sha256sum prints it) or "name hash".</summary>
    private static List<DocumentUpload> DocumentsOf(SheetRow row)
    {
        var documents = new List<DocumentUpload>();
        foreach (var (kind, column) in Documents)
        {
            if (row.OptionalText(column) is not { } line) continue;
            row.Fills($"{nameof(FileCandidacyRequest.Documents)}[{documents.Count}]", column);
            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var hashLast = words.Length > 1 && !Sha256().IsMatch(words[0]) && Sha256().IsMatch(words[^1]);
            // sha256sum marks a file read in binary mode with '*' before its name.
            var name = string.Join(' ', hashLast ? words[..^1] : words[1..]).TrimStart('*');
            documents.Add(new DocumentUpload(kind, name, (hashLast ? words[^1] : words[0]).ToLowerInvariant()));
        }

        return documents;
    }

    /// <summary>A citizen ID typed into a number cell has lost its leading zeros, which a 12-digit number gives back.</summary>
    private static string CitizenIdOf(SheetRow row)
    {
        var text = row.Text(CitizenId);
        return row.HoldsNumber(CitizenId) && text.Length < 12 ? text.PadLeft(12, '0') : text;
    }

    private static string JsonSnake(DocumentKind kind) => Regex.Replace(kind.ToString(), "(?<=[a-z])([A-Z])", "_$1").ToLowerInvariant();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256();
}
