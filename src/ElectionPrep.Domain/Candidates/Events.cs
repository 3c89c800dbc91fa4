using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.Candidates;

/// <summary>Nộp hồ sơ ứng cử: a person's candidacy for one council, with the dossier and the protected data apart.</summary>
/// <param name="PersonId">The pseudonymous key of the person (derived from the citizen ID), joining their candidacies.</param>
public sealed record CandidacyFiled(
    string CandidacyId,
    string ConsultationProcessId,
    CouncilKind Council,
    string PersonId,
    CandidateDossier Dossier,
    ProtectedPersonalData Protected,
    string FiledBy,
    DateTimeOffset FiledAt) : IEventOf<Candidacy>;

/// <summary>Loại hội nghị cử tri lấy ý kiến về người ứng cử.</summary>
public enum VoterConferenceKind
{
    /// <summary>Nơi công tác.</summary>
    Workplace,

    /// <summary>Nơi cư trú.</summary>
    Residence,
}

/// <summary>
/// Kết quả hội nghị cử tri: voters invited and present, trust and distrust, the counting team and the minutes.
/// <paramref name="Distrusted"/> is whether more than the rule's share of those present did not trust the candidate.
/// </summary>
public sealed record VoterConferenceRecorded(
    string CandidacyId,
    VoterConferenceKind Kind,
    DateOnly HeldOn,
    int Invited,
    int Present,
    int Trust,
    int Distrust,
    IReadOnlyList<string> CountingTeam,
    string MinutesReference,
    bool Distrusted,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IEventOf<Candidacy>;

/// <summary>Cử tri nêu vụ việc: a complaint about the candidate and the body that must verify it.</summary>
public sealed record ComplaintRecorded(string CandidacyId, string ComplaintId, string Summary, string VerifyingBody, string RecordedBy, DateTimeOffset RecordedAt) : IEventOf<Candidacy>;

/// <summary>Kết quả xác minh: the verifying body's finding.</summary>
public sealed record ComplaintVerified(string CandidacyId, string ComplaintId, string Finding, bool Substantiated, string VerifiedBy, DateTimeOffset VerifiedAt) : IEventOf<Candidacy>;

/// <summary>
/// Xóa tên khỏi mọi danh sách: a violation found after filing (e.g. standing at too many levels once the person's
/// identity was corrected); recorded on every candidacy of the person, with the rule and reason.
/// </summary>
public sealed record CandidacyStruck(string CandidacyId, string RuleId, string Reason, string DecidedBy, DateTimeOffset StruckAt) : IEventOf<Candidacy>;

/// <summary>Sửa số định danh: the citizen ID was corrected, which may join this candidacy to another person's.</summary>
public sealed record CitizenIdCorrected(string CandidacyId, string PersonId, ProtectedPersonalData Protected, string CorrectedBy, DateTimeOffset CorrectedAt) : IEventOf<Candidacy>;

/// <summary>Một người: registered that a candidacy belongs to this person (the consistency boundary across processes).</summary>
public sealed record PersonCandidacyRegistered(string PersonId, string CandidacyId, string ConsultationProcessId, CouncilKind Council, DateTimeOffset RegisteredAt) : IEventOf<Person>;

/// <summary>The candidacy no longer counts for this person (struck, or moved to another person by a correction).</summary>
public sealed record PersonCandidacyReleased(string PersonId, string CandidacyId, DateTimeOffset ReleasedAt) : IEventOf<Person>;
