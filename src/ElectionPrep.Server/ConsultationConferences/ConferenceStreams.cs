using System.Security.Claims;
using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using JasperFx.Events;
using Marten;

namespace ElectionPrep.ConsultationConferences;

/// <summary>Everything a decision in a conference looks at: the conference, its process, the pinned definition and the term's rules.</summary>
public sealed record ConferenceContext(
    IEventStream<ConsultationConference> Stream,
    ConsultationConference Conference,
    ConsultationProcess Process,
    WorkflowDefinition Definition,
    RuleParameters Rules,
    string Actor,
    ActorRole Role,
    DateTimeOffset Now);

public static class ConferenceStreams
{
    /// <summary>
    /// Loads the conference and its process, runs <paramref name="decide"/>, appends what it decided (with an
    /// optimistic check on the conference stream) and answers with the conference as it now stands.
    /// </summary>
    public static async Task<(IResult Result, Decision? Decision)> ActAsync(
        string conferenceId, IDocumentSession session, WorkflowCatalog workflows, SeedCatalog seeds, TimeProvider clock, ClaimsPrincipal user,
        Func<ConferenceContext, Decision> decide, CancellationToken cancellation, IEnumerable<ActorRole>? preferredRoles = null)
    {
        var stream = await session.Events.FetchForWriting<ConsultationConference>(conferenceId, cancellation);
        if (stream.Aggregate is not { } conference) return (NotFound(conferenceId), null);

        var process = (await session.LoadAsync<ConsultationProcess>(conference.ConsultationProcessId, cancellation))!;
        var definition = workflows.DefinitionOf(process);
        var role = Actors.RoleFor(user, preferredRoles ?? definition.ConferenceStep(conference.Round)?.Roles ?? []);
        var context = new ConferenceContext(stream, conference, process, definition, seeds.FindTerm(process.TermId)!.Rules,
            Actors.Of(user), role, clock.GetUtcNow());
        var decision = decide(context);
        ActorHeaders.ForStep(session, definition.ConferenceStep(conference.Round));
        return (stream.Apply(decision, conference, ConsultationConference.Evolve, after => after), decision);
    }

    public static IResult NotFound(string conferenceId) =>
        Problems.NotFound(new BilingualText($"Không có hội nghị '{conferenceId}'.", $"There is no conference '{conferenceId}'."));
}
