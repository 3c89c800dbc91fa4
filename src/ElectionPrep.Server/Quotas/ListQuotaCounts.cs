using System.Collections.Immutable;
using ElectionPrep.CandidateLists;
using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Wolverine.Http;

namespace ElectionPrep.Quotas;

/// <summary>
/// Số liệu cơ cấu của một danh sách: the quota attributes of everyone standing and of the official list, kept by the
/// async daemon as list events arrive, so a province or national roll-up sums counts instead of reading dossiers.
/// </summary>
public sealed record ListQuotaCounts(
    string Id,
    string ConsultationProcessId,
    CouncilKind Council,
    IReadOnlyList<string> JurisdictionPath,
    ImmutableDictionary<string, IReadOnlyList<string>> Standing,
    ImmutableHashSet<string> Official,
    ImmutableHashSet<string>? Elected = null)
{
    public (int Total, Dictionary<string, int> Counts) Count(ListScope scope)
    {
        var people = Standing
            .Where(pair => scope switch
            {
                ListScope.Official => Official.Contains(pair.Key),
                ListScope.Elected => Elected?.Contains(pair.Key) == true,
                _ => true,
            })
            .Select(pair => pair.Value).ToList();
        return (people.Count, people.SelectMany(attributes => attributes).GroupBy(attribute => attribute).ToDictionary(group => group.Key, group => group.Count()));
    }
}

public sealed class ListQuotaCountsProjection : SingleStreamProjection<ListQuotaCounts, string>
{
    /// <summary>
    /// Only list events: the daemon then reads just those, and keeps one document per list instead of one per stream
    /// of every kind (the catch-all arm below would otherwise start a document for each process, conference and candidacy).
    /// </summary>
    public ListQuotaCountsProjection()
    {
        IncludeType<CandidateRegistered>();
        IncludeType<CandidateStruckFromList>();
        IncludeType<CandidateRemoved>();
        IncludeType<CandidateWithdrawn>();
        IncludeType<OfficialListPublished>();
        IncludeType<ElectionResultsRecorded>();
    }

    public override async ValueTask<ListQuotaCounts?> EvolveAsync(ListQuotaCounts? snapshot, string id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        var counts = snapshot ?? await StartAsync(id, session, cancellation);
        return e.Data switch
        {
            CandidateRegistered registered => counts with { Standing = counts.Standing.SetItem(registered.CandidacyId, registered.Attributes ?? []) },
            CandidateStruckFromList struck => Without(counts, struck.CandidacyId),
            CandidateRemoved removed => Without(counts, removed.CandidacyId),
            CandidateWithdrawn withdrawn => Without(counts, withdrawn.CandidacyId),
            OfficialListPublished published => counts with { Official = [.. published.Constituencies.SelectMany(entry => entry.CandidacyIds)] },
            ElectionResultsRecorded results => counts with { Elected = [.. results.ElectedCandidacyIds] },
            _ => counts,
        };
    }

    private static ListQuotaCounts Without(ListQuotaCounts counts, string candidacyId) =>
        counts with { Standing = counts.Standing.Remove(candidacyId), Official = counts.Official.Remove(candidacyId) };

    // The list's process knows the council and the jurisdiction path the roll-ups filter on.
    private static async Task<ListQuotaCounts> StartAsync(string listId, IQuerySession session, CancellationToken cancellation)
    {
        var processId = listId[..^".list".Length];
        var process = await session.LoadAsync<ConsultationProcess>(processId, cancellation);
        return new ListQuotaCounts(listId, processId, process?.Council ?? default, process?.JurisdictionPath ?? [],
            ImmutableDictionary<string, IReadOnlyList<string>>.Empty, []);
    }
}

/// <summary>A roll-up: the whole-set quota rules of a council kind over every list beneath a jurisdiction.</summary>
public sealed record QuotaRollup(string JurisdictionCode, CouncilKind Council, ListScope Scope, int Lists, int Candidates, IReadOnlyList<QuotaResult> Results);

public static class QuotaRollupEndpoint
{
    /// <summary>
    /// E.g. /api/quotas/rollup/06?council=CommuneCouncil&amp;scope=Official for every commune list of a province, of a term
    /// (default: the latest). The National Assembly's national list has its own evaluation (<see cref="NationalQuotaReportEndpoint"/>).
    /// </summary>
    [WolverineGet(Routes.QuotaRollup)]
    [SignedIn]
    public static async Task<IResult> Get(string jurisdictionCode, CouncilKind council, ListScope? scope, string? term, IQuerySession session, SeedCatalog seeds, CancellationToken cancellation)
    {
        if (seeds.Units.Find(jurisdictionCode) is null)
        {
            return Problems.NotFound(new BilingualText($"Không có đơn vị hành chính '{jurisdictionCode}'.", $"There is no administrative unit '{jurisdictionCode}'."));
        }

        if ((term is null ? seeds.LatestTerm : seeds.FindTerm(term)) is not { } chosenTerm) return NationalQuotaReportEndpoint.NoTerm(term!);
        var chosen = scope ?? ListScope.Standing;
        var lists = await session.Query<ListQuotaCounts>()
            .Where(counts => counts.Council == council && counts.JurisdictionPath.Contains(jurisdictionCode) && counts.Id.StartsWith(NationalQuotaReportEndpoint.ListsOf(chosenTerm)))
            .ToListAsync(cancellation);
        var total = 0;
        var sums = new Dictionary<string, int>();
        foreach (var (count, byAttribute) in lists.Select(list => list.Count(chosen)))
        {
            total += count;
            foreach (var (attribute, people) in byAttribute) sums[attribute] = sums.GetValueOrDefault(attribute) + people;
        }

        return Results.Ok(new QuotaRollup(jurisdictionCode, council, chosen, lists.Count, total,
            QuotaEvaluation.EvaluateCounts(seeds.RuleSetFor(council, chosenTerm), total, sums,
                new QuotaContext(QuotaSubjects.PopulationOf(chosen), UnitParameters: seeds.UnitParameters(jurisdictionCode)))));
    }
}
