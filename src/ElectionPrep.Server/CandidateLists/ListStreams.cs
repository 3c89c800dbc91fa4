using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using JasperFx.Events;
using Marten;
using Wolverine.Attributes;
using Wolverine.Http;

namespace ElectionPrep.CandidateLists;

/// <summary>
/// A process's candidate list loaded for a decision, before its endpoint runs: the stream (for the append), the list,
/// its process with the pinned definition, the term it belongs to, and the moment of the request.
/// </summary>
public sealed record ListForWriting(IEventStream<CandidateList> Stream, CandidateList List, DecisionContext Context) : DecisionContext(Context), ILoadsForWriting<ListForWriting>
{
    public static Task<(IResult, ListForWriting?)> LoadAsync(
        IDocumentSession session, DecisionSources sources, string id, long? expectedVersion, CancellationToken cancellation) =>
        ListStreams.ForWritingAsync(session, sources, id, expectedVersion, cancellation);

    /// <summary>
    /// A refusal answers 409 and appends nothing; accepted events are appended (unless <paramref name="dryRun"/>) and the
    /// answer is the list they lead to.
    /// </summary>
    public IResult Apply(Decision decision, bool dryRun = false) =>
        Stream.Apply(decision, List, CandidateList.Evolve, after => CandidateListView.Of(after, Process, Term.Rules, Stream.CurrentVersion ?? 0), dryRun);
}

/// <summary>
/// The slice decides on the list of its route's process: Wolverine loads it first, as a <see cref="ListForWriting"/>,
/// refusing a stale <see cref="IExpectsVersion.ExpectedVersion"/> of <typeparamref name="TRequest"/>.
/// </summary>
public sealed class WritesListAttribute<TRequest>() : MiddlewareAttribute(typeof(VersionedLoading<TRequest, ListForWriting>)) where TRequest : IExpectsVersion;

public static class ListStreams
{
    /// <summary>
    /// The load of every slice that decides on an existing list. With <paramref name="expectedVersion"/> a
    /// stale version answers 409 at once and the append fails with 409 if anyone else writes before the commit. A
    /// missing process answers the process's not-found problem, a process without a list this area's own.
    /// </summary>
    public static Task<(IResult, ListForWriting?)> ForWritingAsync(
        IDocumentSession session, DecisionSources sources, string processId, long? expectedVersion, CancellationToken cancellation) =>
        LoadAsync(session, sources, processId, expectedVersion, startsTheList: false, cancellation);

    /// <summary>The same load for publishing the constituencies, which starts the list: a process without one decides on the empty list.</summary>
    public static Task<(IResult, ListForWriting?)> ForStartingAsync(
        IDocumentSession session, DecisionSources sources, string processId, long? expectedVersion, CancellationToken cancellation) =>
        LoadAsync(session, sources, processId, expectedVersion, startsTheList: true, cancellation);

    public static IResult NotFound(string processId) =>
        Problems.NotFound(new BilingualText($"Quy trình '{processId}' chưa có danh sách người ứng cử.", $"Process '{processId}' has no candidate list."));

    private static async Task<(IResult, ListForWriting?)> LoadAsync(
        IDocumentSession session, DecisionSources sources, string processId, long? expectedVersion, bool startsTheList, CancellationToken cancellation)
    {
        var listId = CandidateList.IdFor(processId);
        if (await StaleVersions.RefuseAsync(session, listId, expectedVersion, cancellation) is { } stale) return (stale, null);
        if (await sources.ProcessAsync(session, processId, cancellation) is not { } process) return (ProcessStreams.NotFound(processId), null);

        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<CandidateList>(listId, version, cancellation)
            : await session.Events.FetchForWriting<CandidateList>(listId, cancellation);
        if (stream.Aggregate is null && !startsTheList) return (NotFound(processId), null);

        return (WolverineContinue.Result(), new ListForWriting(stream, stream.Aggregate ?? CandidateList.Empty(processId), sources.ContextOf(process)));
    }
}
