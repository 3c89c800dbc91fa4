using ElectionPrep.Common;

namespace ElectionPrep.CandidateLists;

/// <summary>
/// A filed candidacy joins its process's list (in order of filing), with the quota attributes its dossier shows, so
/// read models can keep the counts without reading dossiers.
/// </summary>
public sealed record CandidateRegistered(
    string CandidateListId, string CandidacyId, string FullName, string? NominatingBody, DateTimeOffset RegisteredAt, IReadOnlyList<string>? Attributes = null) : IEventOf<CandidateList>;

/// <summary>Đơn vị bầu cử: a constituency and its number of seats.</summary>
public sealed record Constituency(string Id, string Name, int Seats);

/// <summary>Công bố đơn vị bầu cử và số đại biểu được bầu, by the election body's decision.</summary>
public sealed record ConstituenciesPublished(
    string CandidateListId, IReadOnlyList<Constituency> Constituencies, string PublishedBy, string DecisionReference, DateTimeOffset PublishedAt) : IEventOf<CandidateList>;

/// <summary>Dự kiến người ứng cử ở đơn vị bầu cử.</summary>
public sealed record CandidateAssigned(string CandidateListId, string CandidacyId, string ConstituencyId, string AssignedBy, DateTimeOffset AssignedAt) : IEventOf<CandidateList>;

/// <summary>Xóa tên khỏi danh sách: the person was struck from every list (see CandidacyStruck).</summary>
public sealed record CandidateStruckFromList(string CandidateListId, string CandidacyId, string RuleId, string Reason, DateTimeOffset StruckAt) : IEventOf<CandidateList>;

/// <summary>One constituency of the official list, its candidates in legal (Vietnamese alphabetical) order.</summary>
public sealed record OfficialListEntry(string ConstituencyId, IReadOnlyList<string> CandidacyIds);

/// <summary>Công bố danh sách chính thức những người ứng cử.</summary>
public sealed record OfficialListPublished(
    string CandidateListId, IReadOnlyList<OfficialListEntry> Constituencies, string PublishedBy, string DecisionReference, DateTimeOffset PublishedAt) : IEventOf<CandidateList>;

/// <summary>Xóa tên người ứng cử (Luật 85 Điều 60): on one of its grounds, by the deciding body.</summary>
public sealed record CandidateRemoved(
    string CandidateListId, string CandidacyId, string Ground, string DecidingBody, string DecisionReference, string RecordedBy, DateTimeOffset RemovedAt) : IEventOf<CandidateList>;

/// <summary>Rút khỏi danh sách: a voluntary withdrawal, valid only with the deciding body's decision.</summary>
public sealed record CandidateWithdrawn(
    string CandidateListId, string CandidacyId, string DecidingBody, string DecisionReference, string RecordedBy, DateTimeOffset WithdrawnAt) : IEventOf<CandidateList>;

/// <summary>
/// Vượt chỉ tiêu bắt buộc có lý do: the conference decided to adopt the list although a legal quota requirement fails,
/// with its justification and the minutes that record it. Audited and shown to observers.
/// </summary>
public sealed record QuotaOverrideRecorded(
    string CandidateListId, string RuleId, string Justification, string MinutesReference, string RecordedBy, DateTimeOffset RecordedAt) : IEventOf<CandidateList>;

/// <summary>Kết quả bầu cử: who of the official list was elected, by the election body's decision.</summary>
public sealed record ElectionResultsRecorded(string CandidateListId, IReadOnlyList<string> ElectedCandidacyIds, string DecisionReference, string RecordedBy, DateTimeOffset RecordedAt) : IEventOf<CandidateList>;
