using ElectionPrep.CalendarAmendments;
using ElectionPrep.Common;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using JasperFx.Events;
using Marten;
using Wolverine.Attributes;
using Wolverine.Http;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>
/// A process loaded for a decision, before its endpoint runs: the stream (for the append), its state, the pinned
/// definition, the term it belongs to, and the moment of the request.
/// </summary>
/// <param name="Amended">The NEC's amendments of the process's term calendar, if it made any.</param>
public sealed record ProcessForWriting(IEventStream<ConsultationProcess> Stream, DecisionContext Context, AmendedCalendar? Amended)
    : DecisionContext(Context), ILoadsForWriting<ProcessForWriting>
{
    /// <summary>The legal calendar of this process: the term's, for its council, with the amendments that reach it.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> DueDates(SeedCatalog seeds) => AmendedDueDates.Of(Process, seeds, Amended);

    public static Task<(IResult, ProcessForWriting?)> LoadAsync(
        IDocumentSession session, DecisionSources sources, string id, long? expectedVersion, CancellationToken cancellation) =>
        ProcessStreams.ForWritingAsync(session, sources, id, expectedVersion, cancellation);
}

/// <summary>
/// The slice decides on its route's process: Wolverine loads it first, as a <see cref="ProcessForWriting"/>, refusing
/// a stale <see cref="IExpectsVersion.ExpectedVersion"/> of <typeparamref name="TRequest"/>.
/// </summary>
public sealed class WritesProcessAttribute<TRequest>() : MiddlewareAttribute(typeof(VersionedLoading<TRequest, ProcessForWriting>)) where TRequest : IExpectsVersion;

public static class ProcessStreams
{
    /// <summary>
    /// The load of every slice that decides on a process. With <paramref name="expectedVersion"/> a stale
    /// version answers 409 at once and the append fails with 409 if anyone else writes before the commit; without it
    /// the process is locked until the transaction ends, so a person's action waits for a timer or activation writing
    /// at the same moment instead of failing. A missing process answers the one not-found problem.
    /// </summary>
    public static async Task<(IResult, ProcessForWriting?)> ForWritingAsync(
        IDocumentSession session, DecisionSources sources, string processId, long? expectedVersion, CancellationToken cancellation)
    {
        if (await StaleVersions.RefuseAsync(session, processId, expectedVersion, cancellation) is { } stale) return (stale, null);
        var loaded = await LoadAsync(session, sources, processId, expectedVersion, cancellation);
        return loaded is null ? (NotFound(processId), null) : (WolverineContinue.Result(), loaded);
    }

    /// <summary>The same load for a message handler, where a missing process is nothing to do.</summary>
    public static async Task<ProcessForWriting?> LoadAsync(
        IDocumentSession session, DecisionSources sources, string processId, long? expectedVersion, CancellationToken cancellation)
    {
        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<ConsultationProcess>(processId, version, cancellation)
            : await session.Events.FetchForExclusiveWriting<ConsultationProcess>(processId, cancellation);
        return stream.Aggregate is { } process
            ? new ProcessForWriting(stream, sources.ContextOf(process),
                await AmendedDueDates.LoadAsync(session, process.TermId, cancellation))
            : null;
    }

    public static IResult NotFound(string processId) =>
        Problems.NotFound(new BilingualText($"Không có quy trình hiệp thương '{processId}'.", $"There is no consultation process '{processId}'."));

    /// <summary>The process as it stands after the decision's events, for the response.</summary>
    public static ConsultationProcess After(ConsultationProcess process, Decision decision) =>
        decision.Events.Aggregate(process, (state, @event) => ConsultationProcess.Evolve(state, @event)!);

    public static IResult Details(ConsultationProcess process, ProcessForWriting loaded, SeedCatalog seeds) =>
        Results.Ok(ConsultationProcessDetailsEndpoint.Describe(process, loaded.Definition, seeds, loaded.Amended, loaded.Stream.CurrentVersion ?? 0));
}
