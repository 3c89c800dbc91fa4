using ElectionPrep.Common;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using JasperFx.Events;
using Marten;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>A process loaded for a decision: its stream (for an optimistic append), state and pinned definition.</summary>
public sealed record ProcessForWriting(IEventStream<ConsultationProcess> Stream, ConsultationProcess Process, WorkflowDefinition Definition);

public static class ProcessStreams
{
    /// <summary>
    /// Loads a process to act on. With <paramref name="expectedVersion"/> the append fails with 409 if anyone else
    /// wrote to the process since the client read it. Without it the process is locked until the transaction
    /// ends, so a person's action waits for a timer or activation writing at the same moment instead of failing.
    /// </summary>
    public static async Task<ProcessForWriting?> LoadAsync(
        IDocumentSession session, WorkflowCatalog workflows, string processId, long? expectedVersion, CancellationToken cancellation)
    {
        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<ConsultationProcess>(processId, version, cancellation)
            : await session.Events.FetchForExclusiveWriting<ConsultationProcess>(processId, cancellation);
        return stream.Aggregate is { } process ? new ProcessForWriting(stream, process, workflows.DefinitionOf(process)) : null;
    }

    public static IResult NotFound(string processId) =>
        Problems.NotFound(new BilingualText($"Không có quy trình hiệp thương '{processId}'.", $"There is no consultation process '{processId}'."));

    /// <summary>The process as it stands after the decision's events, for the response.</summary>
    public static ConsultationProcess After(ConsultationProcess process, Decision decision) =>
        decision.Events.Aggregate(process, (state, @event) => ConsultationProcess.Evolve(state, @event)!);

    public static IResult Details(ConsultationProcess process, WorkflowDefinition definition, SeedCatalog seeds, long version) =>
        Results.Ok(ConsultationProcessDetailsEndpoint.Describe(process, definition, seeds, version));
}
