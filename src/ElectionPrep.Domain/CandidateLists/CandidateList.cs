using System.Collections.Immutable;

namespace ElectionPrep.CandidateLists;

/// <summary>Giai đoạn danh sách.</summary>
public enum CandidateListStage
{
    /// <summary>Đang lập.</summary>
    Preparing,

    /// <summary>Danh sách chính thức đã công bố.</summary>
    Official,
}

/// <summary>Trạng thái một người trong danh sách.</summary>
public enum ListEntryStatus
{
    /// <summary>Trong danh sách.</summary>
    Standing,

    /// <summary>Bị xóa tên do vi phạm phát hiện sau (Luật 85 Điều 36).</summary>
    Struck,

    /// <summary>Bị xóa tên (Luật 85 Điều 60).</summary>
    Removed,

    /// <summary>Rút khỏi danh sách.</summary>
    Withdrawn,
}

/// <summary>A candidate on the list: where they stand and, if they left, why.</summary>
public sealed record ListEntry(string CandidacyId, string FullName, string? NominatingBody, string? ConstituencyId, ListEntryStatus Status, string? Reason = null);

/// <summary>
/// Danh sách người ứng cử của một quy trình: who filed, the constituencies and who stands where, and once published
/// the official list. One stream per process, so two clerks editing it at once cannot both win.
/// </summary>
public sealed record CandidateList(
    string Id,
    string ConsultationProcessId,
    CandidateListStage Stage,
    ImmutableList<ListEntry> Entries,
    ImmutableList<Constituency> Constituencies,
    IReadOnlyList<OfficialListEntry>? Official,
    string? OfficialDecisionReference,
    ImmutableList<QuotaOverrideRecorded>? QuotaOverrides = null,
    IReadOnlyList<string>? Elected = null)
{
    public IReadOnlyList<QuotaOverrideRecorded> Overrides => QuotaOverrides ?? [];

    private const string ListSuffix = ".list";

    public static string IdFor(string processId) => processId + ListSuffix;

    /// <summary>The process a list id belongs to, the inverse of <see cref="IdFor"/>; null for other ids.</summary>
    public static string? ProcessIdOf(string id) => id.EndsWith(ListSuffix, StringComparison.Ordinal) ? id[..^ListSuffix.Length] : null;

    public ListEntry? Entry(string candidacyId) => Entries.Find(entry => entry.CandidacyId == candidacyId);

    public IEnumerable<ListEntry> Standing => Entries.Where(entry => entry.Status == ListEntryStatus.Standing);

    public static CandidateList Empty(string processId) => new(IdFor(processId), processId, CandidateListStage.Preparing, [], [], null, null);

    public static CandidateList? Evolve(CandidateList? state, object @event) => @event switch
    {
        CandidateRegistered registered => (state ?? Empty(ProcessOf(registered.CandidateListId))).Add(
            new ListEntry(registered.CandidacyId, registered.FullName, registered.NominatingBody, null, ListEntryStatus.Standing)),
        ConstituenciesPublished published => (state ?? Empty(ProcessOf(published.CandidateListId))) with { Constituencies = [.. published.Constituencies] },
        CandidateAssigned assigned when state?.Entry(assigned.CandidacyId) is { } entry => state.With(entry with { ConstituencyId = assigned.ConstituencyId }),
        CandidateStruckFromList struck when state?.Entry(struck.CandidacyId) is { } entry => state.With(entry with { Status = ListEntryStatus.Struck, Reason = struck.Reason }),
        OfficialListPublished published when state is not null => state with
        {
            Stage = CandidateListStage.Official,
            Official = published.Constituencies,
            OfficialDecisionReference = published.DecisionReference,
        },
        CandidateRemoved removed when state?.Entry(removed.CandidacyId) is { } entry => state.With(entry with { Status = ListEntryStatus.Removed, Reason = removed.Ground }),
        CandidateWithdrawn withdrawn when state?.Entry(withdrawn.CandidacyId) is { } entry => state.With(entry with { Status = ListEntryStatus.Withdrawn, Reason = withdrawn.DecisionReference }),
        ElectionResultsRecorded results when state is not null => state with { Elected = results.ElectedCandidacyIds },
        QuotaOverrideRecorded overridden when state is not null => state with { QuotaOverrides = (state.QuotaOverrides ?? []).Add(overridden) },
        _ => state,
    };

    private static string ProcessOf(string listId) => listId[..^".list".Length];

    private CandidateList Add(ListEntry entry) => this with { Entries = Entries.Add(entry) };

    private CandidateList With(ListEntry entry) => this with { Entries = Entries.Replace(Entry(entry.CandidacyId)!, entry) };
}
