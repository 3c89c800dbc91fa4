using ElectionPrep.Candidates;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.CandidateLists;

/// <summary>The list as clerks see it: who stands where, each constituency's count against the legal minimum, and the version.</summary>
public sealed record CandidateListView(
    string Id,
    string ConsultationProcessId,
    CandidateListStage Stage,
    long Version,
    IReadOnlyList<ListEntry> Entries,
    IReadOnlyList<ConstituencyView> Constituencies,
    IReadOnlyList<OfficialListEntry>? Official,
    string? OfficialDecisionReference,
    IReadOnlyList<VoterVerdict>? Verdicts = null)
{
    public static CandidateListView Of(CandidateList list, ConsultationProcess process, RuleParameters rules, long version)
    {
        int Standing(string constituencyId) => list.Standing.Count(entry => entry.ConstituencyId == constituencyId);
        var shortfalls = ListRules.Shortfalls(list.Constituencies, Standing, process.Council, rules).ToDictionary(s => s.ConstituencyId);
        return new CandidateListView(list.Id, list.ConsultationProcessId, list.Stage, version, list.Entries,
            list.Constituencies.Select(c => new ConstituencyView(c.Id, c.Name, c.Seats, Standing(c.Id),
                ListRules.MinimumCandidates(c.Seats, process.Council, rules).Required, shortfalls.ContainsKey(c.Id))).ToList(),
            list.Official, list.OfficialDecisionReference);
    }
}

/// <summary>Per candidate: distrusted by more than half at a voter conference, and the complaints not yet verified.</summary>
public sealed record VoterVerdict(string CandidacyId, bool Distrusted, IReadOnlyList<string> UnresolvedComplaints);

/// <param name="BelowMinimum">Flagged when removals or withdrawals leave fewer candidates than the law requires.</param>
public sealed record ConstituencyView(string Id, string Name, int Seats, int Candidates, int Required, bool BelowMinimum);

public static class CandidateListViewEndpoint
{
    [WolverineGet(Routes.CandidateList)]
    [ReadsDossiers]
    public static async Task<IResult> Get(string id, IQuerySession session, DecisionSources sources, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ConsultationProcess>(id, cancellation) is not { } process) return ProcessStreams.NotFound(id);
        if (await session.LoadAsync<CandidateList>(CandidateList.IdFor(id), cancellation) is not { } list) return ListStreams.NotFound(id);

        var version = (await session.Events.FetchStreamStateAsync(list.Id, cancellation))?.Version ?? 0;
        var candidacies = await session.LoadManyAsync<Candidacy>(cancellation, list.Entries.Select(entry => entry.CandidacyId).ToArray());
        return Results.Ok(CandidateListView.Of(list, process, sources.TermOf(process.TermId).Rules, version) with
        {
            // What round 3 must weigh: who the voters distrusted and which complaints are still being verified.
            Verdicts = candidacies.Select(c => new VoterVerdict(c.Id, c.IsDistrusted, c.UnresolvedComplaints.Select(complaint => complaint.Summary).ToList())).ToList(),
        });
    }
}
