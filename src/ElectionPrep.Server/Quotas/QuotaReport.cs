using ElectionPrep.CandidateLists;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.Quotas;

/// <summary>A quota evaluation as the API answers it.</summary>
public sealed record QuotaReport(string ConsultationProcessId, string RuleSetId, int RuleSetVersion, ListScope Scope, int Candidates, IReadOnlyList<QuotaResult> Results,
    IReadOnlyList<QuotaOverrideRecorded> Overrides);

public static class QuotaReportEndpoint
{
    /// <summary>Evaluates the rule set of the process's council on its list: standing, qualified (as it would publish) or official.</summary>
    [WolverineGet(Routes.Quotas)]
    [ReadsDossiers]
    public static async Task<IResult> Get(string id, ListScope? scope, IQuerySession session, SeedCatalog seeds, WorkflowCatalog workflows, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ConsultationProcess>(id, cancellation) is not { } process) return ProcessStreams.NotFound(id);
        var list = await session.LoadAsync<CandidateList>(CandidateList.IdFor(id), cancellation) ?? CandidateList.Empty(id);

        var chosen = scope ?? ListScope.Standing;
        var definition = workflows.DefinitionOf(process);
        var ruleSet = seeds.RuleSetFor(process);
        var context = QuotaSubjects.ContextFor(process, list, chosen, seeds);
        if (chosen == ListScope.AllocationPlan)
        {
            // The plan asks each body for a composition: its counts, over the total agreed in round 1, are what is evaluated.
            var allocations = await Candidates.FilingForWriting.AllocationsAsync(session, id, definition, cancellation);
            var roundOne = await session.LoadAsync<ConsultationConference>(ConsultationConference.IdFor(id, definition.RoundFor(RoundPurpose.Structure)), cancellation);
            var total = roundOne?.Decisions?.TotalNominees ?? allocations.Sum(allocation => allocation.Nominees);
            var counts = allocations.SelectMany(allocation => allocation.Composition ?? new Dictionary<string, int>())
                .GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value));
            return Results.Ok(new QuotaReport(id, ruleSet.Id, ruleSet.Version, chosen, total, QuotaEvaluation.EvaluateCounts(ruleSet, total, counts, context), list.Overrides));
        }

        var subjects = await QuotaSubjects.ForAsync(session, process, definition, list, chosen, seeds, cancellation);
        return Results.Ok(new QuotaReport(id, ruleSet.Id, ruleSet.Version, chosen, subjects.Count, QuotaEvaluation.Evaluate(ruleSet, subjects, context), list.Overrides));
    }

    /// <summary>The seeded rule sets, one per council, with their legal bases.</summary>
    [WolverineGet(Routes.RuleSets)]
    [SignedIn]
    public static IReadOnlyList<RuleSet> RuleSets(SeedCatalog seeds) => seeds.RuleSets;
}
