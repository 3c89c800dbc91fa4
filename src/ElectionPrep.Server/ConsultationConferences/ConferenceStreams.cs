using System.Security.Claims;
using ElectionPrep.Common;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using JasperFx.Events;
using Marten;
using Wolverine.Attributes;
using Wolverine.Http;

namespace ElectionPrep.ConsultationConferences;

/// <summary>
/// A conference loaded for a decision, before its endpoint runs: the stream (for the append), its state, its process,
/// the definition the process is pinned to, the term (with its rules) and the moment of the request.
/// </summary>
public sealed record ConferenceForWriting(IEventStream<ConsultationConference> Stream, ConsultationConference Conference, DecisionContext Context)
    : DecisionContext(Context)
{
    /// <summary>The workflow step of the conference's round: its roles are those acted in, its legal basis goes into the events' headers.</summary>
    public WorkflowStep? Step => Definition.ConferenceStep(Conference.Round);

    /// <summary>The role the user acts in: one of theirs that the round's step allows.</summary>
    public ActorRole RoleOf(ClaimsPrincipal user) => Actors.RoleFor(user, Step?.Roles ?? []);
}

/// <summary>The slice decides in the conference of its route: Wolverine loads it first, as a <see cref="ConferenceForWriting"/>.</summary>
public sealed class WritesConferenceAttribute() : MiddlewareAttribute(typeof(ConferenceStreams));

public static class ConferenceStreams
{
    /// <summary>
    /// Loads the route's conference for every slice marked <see cref="WritesConferenceAttribute"/>. The append is
    /// checked optimistically against the version fetched here; a missing conference answers the one not-found problem.
    /// </summary>
    public static async Task<(IResult, ConferenceForWriting?)> LoadAsync(
        string id, IDocumentSession session, DecisionSources sources, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<ConsultationConference>(id, cancellation);
        if (stream.Aggregate is not { } conference) return (NotFound(id), null);
        return (WolverineContinue.Result(), new ConferenceForWriting(stream, conference,
            await sources.ContextOfAsync(session, conference.ConsultationProcessId, cancellation)));
    }

    /// <summary>
    /// A refusal is a 409 and appends nothing; accepted events are appended with the round's legal basis in their
    /// headers, and the answer is the conference as it now stands.
    /// </summary>
    public static IResult Answer(IDocumentSession session, ConferenceForWriting loaded, Decision decision)
    {
        ActorHeaders.ForStep(session, loaded.Step);
        return loaded.Stream.Apply(decision, loaded.Conference, ConsultationConference.Evolve, after => after);
    }

    public static IResult NotFound(string conferenceId) =>
        Problems.NotFound(new BilingualText($"Không có hội nghị '{conferenceId}'.", $"There is no conference '{conferenceId}'."));
}
