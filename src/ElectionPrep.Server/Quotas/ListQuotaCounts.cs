using System.Collections.Immutable;
using ElectionPrep.CandidateLists;
using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Database;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Npgsql;
using Wolverine.Http;

namespace ElectionPrep.Quotas;

/// <summary>People counted in one scope of a list, and how many of them carry each quota attribute.</summary>
public sealed record ListTally(int Total, IReadOnlyDictionary<string, int> Counts);

/// <summary>
/// Số liệu cơ cấu của một danh sách: the quota attributes of everyone standing and of the official list, kept by the
/// async daemon as list events arrive, so a province or national roll-up sums counts instead of reading dossiers.
/// <see cref="Tallies"/> holds each scope's sums (by scope name), which the roll-up adds up in the database.
/// </summary>
public sealed record ListQuotaCounts(
    string Id,
    string ConsultationProcessId,
    CouncilKind Council,
    IReadOnlyList<string> JurisdictionPath,
    ImmutableDictionary<string, IReadOnlyList<string>> Standing,
    ImmutableHashSet<string> Official,
    ImmutableHashSet<string>? Elected = null,
    IReadOnlyDictionary<string, ListTally>? Tallies = null)
{
    /// <summary>The same counts with each scope's tally made anew from them.</summary>
    public ListQuotaCounts Tallied() => this with
    {
        Tallies = Enum.GetValues<ListScope>().ToDictionary(scope => scope.ToString(), scope => Count(scope) is var (total, counts) ? new ListTally(total, counts) : null!),
    };

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
        return (e.Data switch
        {
            CandidateRegistered registered => counts with { Standing = counts.Standing.SetItem(registered.CandidacyId, registered.Attributes ?? []) },
            CandidateStruckFromList struck => Without(counts, struck.CandidacyId),
            CandidateRemoved removed => Without(counts, removed.CandidacyId),
            CandidateWithdrawn withdrawn => Without(counts, withdrawn.CandidacyId),
            OfficialListPublished published => counts with { Official = [.. published.Constituencies.SelectMany(entry => entry.CandidacyIds)] },
            ElectionResultsRecorded results => counts with { Elected = [.. results.ElectedCandidacyIds] },
            _ => counts,
        }).Tallied();
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
    /// <summary>E.g. /api/quotas/rollup/VN?council=NationalAssemblyProvincial&amp;scope=Official&amp;termId=2026-2031 for the National Assembly nationally.</summary>
    /// <param name="termId">The term whose lists are summed and whose rule set applies; the latest term when left out.</param>
    [WolverineGet(Routes.QuotaRollup)]
    [SignedIn]
    public static async Task<IResult> Get(string jurisdictionCode, CouncilKind council, ListScope? scope, string? termId, NpgsqlDataSource database, SeedCatalog seeds,
        CancellationToken cancellation)
    {
        if ((termId is null ? seeds.LatestTerm : seeds.FindTerm(termId)) is not { } term) return NationalQuotaReportEndpoint.NoTerm(termId!);
        if (!term.Elects(council))
        {
            return Problems.NotFound(new BilingualText($"Nhiệm kỳ {term.Id} không bầu {council.Slug()}.", $"The term {term.Id} elects no {council.Slug()}."));
        }

        if (seeds.Units.Find(jurisdictionCode) is null)
        {
            return Problems.NotFound(new BilingualText($"Không có đơn vị hành chính '{jurisdictionCode}'.", $"There is no administrative unit '{jurisdictionCode}'."));
        }

        var chosen = scope ?? ListScope.Standing;
        var (lists, total, sums) = await RollupCounts.SumAsync(database, council, jurisdictionCode, term, chosen, cancellation);

        return Results.Ok(new QuotaRollup(jurisdictionCode, council, chosen, lists, total,
            QuotaEvaluation.EvaluateCounts(seeds.RuleSetFor(term.Id, council), total, sums,
                new QuotaContext(QuotaSubjects.PopulationOf(chosen), UnitParameters: seeds.UnitParameters(term.Id, jurisdictionCode)))));
    }
}

/// <summary>
/// Sums the tallies of every list of a council beneath a unit in the database: the answer is a few rows whether the
/// unit holds one list or the country's 11,000, and no list document crosses the wire.
/// </summary>
public static class RollupCounts
{
    // Served by the indexes on (data ->> 'Council') and (data -> 'JurisdictionPath') jsonb_path_ops; a list's id begins with its term's.
    private const string Lists = $"""
        from {DatabaseServices.SchemaName}.mt_doc_listquotacounts d
        where d.data ->> 'Council' = @council and (d.data -> 'JurisdictionPath') @> jsonb_build_array(@unit::text) and starts_with(d.id, @term)
        """;

    public static async Task<(int Lists, int Total, Dictionary<string, int> Counts)> SumAsync(
        NpgsqlDataSource database, CouncilKind council, string jurisdictionCode, Term term, ListScope scope, CancellationToken cancellation)
    {
        await using var batch = database.CreateBatch();
        foreach (var sql in (string[])[
            $"select count(*)::int, coalesce(sum((d.data #>> array['Tallies', @scope, 'Total'])::int), 0)::int {Lists}",
            $"select c.key, sum(c.value::int)::int from (select d.data #> array['Tallies', @scope, 'Counts'] as counts {Lists}) t, jsonb_each_text(t.counts) c group by c.key"])
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddWithValue("council", council.ToString());
            command.Parameters.AddWithValue("unit", jurisdictionCode);
            command.Parameters.AddWithValue("term", NationalQuotaReportEndpoint.ListsOf(term));
            command.Parameters.AddWithValue("scope", scope.ToString());
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellation);
        await reader.ReadAsync(cancellation);
        var (lists, total) = (reader.GetInt32(0), reader.GetInt32(1));
        await reader.NextResultAsync(cancellation);
        var counts = new Dictionary<string, int>();
        while (await reader.ReadAsync(cancellation)) counts[reader.GetString(0)] = reader.GetInt32(1);
        return (lists, total, counts);
    }
}
