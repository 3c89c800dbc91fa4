using CsvHelper;
using ElectionPrep.CandidateLists;
using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using JasperFx.Events;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.Audit;

/// <summary>One change in a stream's history: who, when, what kind and the public data (protected data left out).</summary>
[CsvRecord]
public sealed partial record AuditTrailEntry(
    [CsvColumn("sequence")] long Sequence,
    [CsvColumn("version")] long Version,
    [CsvColumn("type")] string Type,
    [CsvColumn("timestamp"), CsvFormat("O")] DateTimeOffset Timestamp,
    [CsvColumn("user")] string? UserName,
    [CsvColumn("correlation_id")] string? CorrelationId,
    [CsvColumn("causation_id")] string? CausationId,
    [CsvColumn("data")] string Data);

/// <summary>
/// Dấu vết kiểm toán: a process's, conference's, list's or candidacy's history filtered by actor, kind and period,
/// as JSON or CSV; and the state of a process or list as it stood at any moment.
/// </summary>
public static class AuditTrail
{
    [WolverineGet(Routes.AuditStreamEvents)]
    public static async Task<IReadOnlyList<AuditTrailEntry>> Events(string streamId, string? actor, string? kind, DateTimeOffset? from, DateTimeOffset? to,
        IQuerySession session, CancellationToken cancellation) =>
        await EntriesAsync(session, streamId, actor, kind, from, to, cancellation);

    [WolverineGet(Routes.AuditStreamEventsCsv)]
    public static async Task<IResult> Csv(string streamId, string? actor, string? kind, DateTimeOffset? from, DateTimeOffset? to,
        IQuerySession session, CancellationToken cancellation)
    {
        return CsvFile.Of(await EntriesAsync(session, streamId, actor, kind, from, to, cancellation), $"{streamId}.audit.csv");
    }

    /// <summary>The process as it stood at <paramref name="at"/>, rebuilt from its events up to then.</summary>
    [WolverineGet(Routes.AuditProcessAsOf)]
    public static async Task<IResult> ProcessAsOf(string id, DateTimeOffset at, IQuerySession session, SeedCatalog seeds, WorkflowCatalog workflows, CancellationToken cancellation)
    {
        var process = await session.Events.AggregateStreamAsync<ConsultationProcess>(id, timestamp: at, token: cancellation);
        if (process is null) return NotFound(id, at);

        var upToThen = await session.Events.FetchStreamAsync(id, timestamp: at, token: cancellation);
        var version = upToThen.Count == 0 ? 0 : upToThen[^1].Version;
        return Results.Ok(ConsultationProcessDetailsEndpoint.Describe(process, workflows.DefinitionOf(process), seeds, version));
    }

    /// <summary>The candidate list of a process as it stood at <paramref name="at"/>.</summary>
    [WolverineGet(Routes.AuditListAsOf)]
    public static async Task<IResult> ListAsOf(string id, DateTimeOffset at, IQuerySession session, CancellationToken cancellation) =>
        await session.Events.AggregateStreamAsync<CandidateList>(CandidateList.IdFor(id), timestamp: at, token: cancellation) is { } list
            ? Results.Ok(list)
            : NotFound(id, at);

    private static async Task<IReadOnlyList<AuditTrailEntry>> EntriesAsync(IQuerySession session, string streamId, string? actor, string? kind,
        DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellation)
    {
        var events = await session.Events.FetchStreamAsync(streamId, token: cancellation);
        return events
            .Where(e => actor is null || e.UserName == actor)
            .Where(e => kind is null || string.Equals(e.EventTypeName, kind, StringComparison.OrdinalIgnoreCase))
            .Where(e => (from is null || e.Timestamp >= from) && (to is null || e.Timestamp <= to))
            .Select(e => new AuditTrailEntry(e.Sequence, e.Version, e.EventTypeName, e.Timestamp, e.UserName, e.CorrelationId, e.CausationId, PublicData(session, e)))
            .ToList();
    }

    private static string PublicData(IQuerySession session, IEvent e) => AuditData.WithoutProtected(session.DocumentStore.Options.Serializer().ToJson(e.Data));

    private static IResult NotFound(string id, DateTimeOffset at) =>
        Problems.NotFound(new BilingualText($"'{id}' chưa tồn tại vào {at:O}.", $"'{id}' did not exist at {at:O}."));
}
