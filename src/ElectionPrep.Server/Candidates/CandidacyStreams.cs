using ElectionPrep.Common;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using JasperFx.Events;
using Marten;
using Wolverine.Attributes;
using Wolverine.Http;

namespace ElectionPrep.Candidates;

/// <summary>
/// A candidacy loaded for a decision, before its endpoint runs: the stream (for the append), the candidacy, the process
/// it was filed under with the pinned definition, the term, and the moment of the request.
/// </summary>
public sealed record CandidacyForWriting(IEventStream<Candidacy> Stream, Candidacy Candidacy, DecisionContext Context) : DecisionContext(Context)
{
    /// <summary>A refusal answers 409 and appends nothing; accepted events are appended and the answer is the candidacy they lead to.</summary>
    public IResult Apply(Decision decision) => Stream.Apply(decision, Candidacy, Candidacy.Evolve, CandidacyView.Of);
}

/// <summary>The slice decides on the candidacy of its route: Wolverine loads it first, as a <see cref="CandidacyForWriting"/>.</summary>
public sealed class WritesCandidacyAttribute() : MiddlewareAttribute(typeof(CandidacyStreams));

public static class CandidacyStreams
{
    /// <summary>
    /// Loads the route's candidacy for every slice marked <see cref="WritesCandidacyAttribute"/>: the append fails with
    /// 409 if anyone else writes to it before the commit. A missing candidacy answers the one not-found problem.
    /// </summary>
    public static async Task<(IResult, CandidacyForWriting?)> LoadAsync(
        string id, IDocumentSession session, DecisionSources sources, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Candidacy>(id, cancellation);
        if (stream.Aggregate is not { } candidacy) return (NotFound(id), null);
        return (WolverineContinue.Result(), new CandidacyForWriting(stream, candidacy,
            await sources.ContextOfAsync(session, candidacy.ConsultationProcessId, cancellation)));
    }

    public static IResult NotFound(string candidacyId) =>
        Problems.NotFound(new BilingualText($"Không có người ứng cử '{candidacyId}'.", $"There is no candidacy '{candidacyId}'."));
}
