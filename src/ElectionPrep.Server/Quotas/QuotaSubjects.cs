using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Quotas;
using ElectionPrep.Seeds;
using Marten;

namespace ElectionPrep.Quotas;

/// <summary>Which candidates of a list a quota evaluation counts.</summary>
public enum ListScope
{
    /// <summary>Everyone still standing (the nominee pool as it stands).</summary>
    Standing,

    /// <summary>The preliminary list of round 2.</summary>
    Preliminary,

    /// <summary>The qualified list of round 3, assigned or not: the list as it would be published.</summary>
    Qualified,

    /// <summary>The published official list, less removals and withdrawals.</summary>
    Official,

    /// <summary>Those elected (once the results are recorded).</summary>
    Elected,

    /// <summary>Round 1's allocation plan: the composition asked of each nominating body, not people.</summary>
    AllocationPlan,
}

public static class QuotaSubjects
{
    /// <summary>The set the rules see in a scope: a list, those elected, or the plan.</summary>
    public static Population PopulationOf(ListScope scope) => scope switch
    {
        ListScope.Preliminary => Population.PreliminaryList,
        ListScope.Qualified => Population.QualifiedList,
        ListScope.Official => Population.OfficialList,
        ListScope.Elected => Population.Elected,
        ListScope.AllocationPlan => Population.AllocationPlan,
        _ => Population.Nominees,
    };

    /// <summary>What a process's list is evaluated in: the scope's set, the seats of its constituencies (none yet: unknown) and its locality.</summary>
    public static QuotaContext ContextFor(ConsultationProcess process, CandidateList list, ListScope scope, SeedCatalog seeds) =>
        new(PopulationOf(scope), list.Constituencies.Count == 0 ? null : list.Constituencies.Sum(constituency => constituency.Seats), seeds.UnitParameters(process));

    /// <summary>
    /// The candidates of a process's list in the given scope, with the attributes their dossiers show; with
    /// <paramref name="asOf"/>, the rounds and dossiers as they stood then (the list given is the one of that moment).
    /// </summary>
    public static async Task<IReadOnlyList<QuotaSubject>> ForAsync(IQuerySession session, ConsultationProcess process, Workflows.WorkflowDefinition definition,
        CandidateList list, ListScope scope, SeedCatalog seeds, CancellationToken cancellation, DateTimeOffset? asOf = null)
    {
        IEnumerable<ListEntry> entries = list.Standing;
        if (scope is ListScope.Preliminary or ListScope.Qualified)
        {
            var round = await LoadAsync<ConsultationConferences.ConsultationConference>(session,
                ConsultationConferences.ConsultationConference.IdFor(process.Id,
                    definition.RoundFor(scope == ListScope.Preliminary ? Workflows.RoundPurpose.PreliminaryList : Workflows.RoundPurpose.QualifiedList)), asOf, cancellation);
            var decided = round?.Decisions?.Candidates?.Select(entry => entry.CandidacyId).ToHashSet() ?? [];
            entries = entries.Where(entry => decided.Contains(entry.CandidacyId));
        }
        else if (scope == ListScope.Official)
        {
            var official = list.Official?.SelectMany(entry => entry.CandidacyIds).ToHashSet() ?? [];
            entries = entries.Where(entry => official.Contains(entry.CandidacyId));
        }
        else if (scope == ListScope.Elected)
        {
            var elected = list.Elected?.ToHashSet() ?? [];
            entries = entries.Where(entry => elected.Contains(entry.CandidacyId));
        }

        var chosen = entries.ToList();
        var candidacies = new Dictionary<string, Candidacy>();
        if (asOf is null)
        {
            foreach (var candidacy in await session.LoadManyAsync<Candidacy>(cancellation, chosen.Select(entry => entry.CandidacyId).ToArray())) candidacies[candidacy.Id] = candidacy;
        }
        else
        {
            foreach (var entry in chosen)
            {
                if (await LoadAsync<Candidacy>(session, entry.CandidacyId, asOf, cancellation) is { } candidacy) candidacies[candidacy.Id] = candidacy;
            }
        }

        var term = seeds.FindTerm(process.TermId)!;
        var province = process.JurisdictionPath.Skip(1).FirstOrDefault();
        return chosen.Where(entry => candidacies.ContainsKey(entry.CandidacyId)).Select(entry => new QuotaSubject(entry.CandidacyId, entry.FullName, entry.ConstituencyId,
            CandidateAttributes.Of(candidacies[entry.CandidacyId].Dossier, process.Council, term.ElectionDay, term.Rules.YoungCandidateAge, code => province is not null && seeds.PathOf(code, term.ElectionDay).Contains(province))))
            .ToList();
    }

    /// <summary>The document as it is now, or its stream folded up to <paramref name="asOf"/>.</summary>
    private static async Task<T?> LoadAsync<T>(IQuerySession session, string id, DateTimeOffset? asOf, CancellationToken cancellation)
        where T : class =>
        asOf is { } at
            ? await session.Events.AggregateStreamAsync<T>(id, timestamp: at, token: cancellation)
            : await session.LoadAsync<T>(id, cancellation);
}
