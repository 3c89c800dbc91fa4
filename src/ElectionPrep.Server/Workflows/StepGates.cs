using ElectionPrep.Candidates;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;
using Marten;

namespace ElectionPrep.Workflows;

/// <summary>Loads what a step's gates read, for the decision that completes it and for the pages that show what blocks it.</summary>
public static class StepGates
{
    /// <summary>The step's round's conference, and the preliminary list's candidacies when a gate asks whether the voters heard them.</summary>
    public static async Task<GateInputs> InputsAsync(
        IQuerySession session, ConsultationProcess process, WorkflowDefinition definition, WorkflowStep? step, RuleParameters rules, CancellationToken cancellation)
    {
        var conference = step?.Round is { } round
            ? await session.LoadAsync<ConsultationConference>(ConsultationConference.IdFor(process.Id, round), cancellation)
            : null;
        IReadOnlyList<Candidacy> preliminary = step?.GateIds.Contains(Gates.VoterConferencesHeld) == true
            ? await CandidaciesOfAsync(session, await PreliminaryRoundAsync(session, process, definition, cancellation), cancellation)
            : [];
        return new GateInputs(conference, preliminary, rules);
    }

    /// <summary>The conference that decides the preliminary list, if convened.</summary>
    public static Task<ConsultationConference?> PreliminaryRoundAsync(
        IQuerySession session, ConsultationProcess process, WorkflowDefinition definition, CancellationToken cancellation) =>
        session.LoadAsync<ConsultationConference>(ConsultationConference.IdFor(process.Id, definition.RoundFor(RoundPurpose.PreliminaryList)), cancellation);

    /// <summary>The candidacies of the list a round decided, in its order; empty before it decides one.</summary>
    public static async Task<IReadOnlyList<Candidacy>> CandidaciesOfAsync(IQuerySession session, ConsultationConference? round, CancellationToken cancellation)
    {
        var ids = round?.Decisions?.Candidates?.Select(entry => entry.CandidacyId).ToArray() ?? [];
        var candidacies = (await session.LoadManyAsync<Candidacy>(cancellation, ids)).ToDictionary(candidacy => candidacy.Id);
        return [.. ids.Where(candidacies.ContainsKey).Select(id => candidacies[id])];
    }
}
