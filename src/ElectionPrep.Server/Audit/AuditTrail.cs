using System.Text.Json.Nodes;
using CsvHelper;
using ElectionPrep.CandidateLists;
using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Wolverine.Http;

namespace ElectionPrep.Audit;

/// <summary>
/// One change in a stream's history: who, when it was recorded, what kind and the public data (protected data left
/// out), and when the decision it records was taken (<see cref="AuditTrail.DecisionTime"/>).
/// </summary>
[CsvRecord]
public sealed partial record AuditTrailEntry(
    [CsvColumn("sequence")] long Sequence,
    [CsvColumn("version")] long Version,
    [CsvColumn("type")] string Type,
    [CsvColumn("timestamp"), CsvFormat("O")] DateTimeOffset Timestamp,
    [CsvColumn("user")] string? UserName,
    [CsvColumn("correlation_id")] string? CorrelationId,
    [CsvColumn("causation_id")] string? CausationId,
    [CsvColumn("roles")] string? Roles,
    [CsvColumn("body")] string? Body,
    [CsvColumn("legal_basis")] string? LegalBasis,
    [CsvColumn("data")] string Data,
    [CsvColumn("decided_at"), CsvFormat("O")] DateTimeOffset? DecidedAt);

/// <summary>A step whose status changed between two moments.</summary>
public sealed record StepChange(string StepId, string Before, string After);

/// <summary>Khác biệt giữa hai thời điểm: the versions at both ends, the steps that moved and every change in between.</summary>
public sealed record ProcessDiff(string ConsultationProcessId, DateTimeOffset From, DateTimeOffset To, long VersionFrom, long VersionTo,
    IReadOnlyList<StepChange> Steps, IReadOnlyList<AuditTrailEntry> Changes);

/// <summary>
/// Dấu vết kiểm toán: a process's, conference's, list's or candidacy's history filtered by actor, kind and period,
/// as JSON or CSV; and the state of a process or list as it stood at any moment.
/// </summary>
public static class AuditTrail
{
    [WolverineGet(Routes.AuditStreamEvents)]
    [ReadsDossiers]
    public static async Task<IReadOnlyList<AuditTrailEntry>> Events(string streamId, string? actor, string? body, string? kind, DateTimeOffset? from, DateTimeOffset? to,
        IQuerySession session, CancellationToken cancellation) =>
        await EntriesAsync(session, streamId, actor, body, kind, from, to, cancellation);

    [WolverineGet(Routes.AuditStreamEventsCsv)]
    [ReadsDossiers]
    public static async Task<IResult> Csv(string streamId, string? actor, string? body, string? kind, DateTimeOffset? from, DateTimeOffset? to,
        IQuerySession session, CancellationToken cancellation) =>
        CsvFile.Of(await EntriesAsync(session, streamId, actor, body, kind, from, to, cancellation), $"{streamId}.audit.csv");

    /// <summary>
    /// The process as it stood at <paramref name="at"/>, or at a milestone: "minutes-signed:2" (round 2's minutes signed),
    /// "official-list-published", or a step id (when it completed).
    /// </summary>
    [WolverineGet(Routes.AuditProcessAsOf)]
    [SignedIn]
    public static async Task<IResult> ProcessAsOf(string id, DateTimeOffset? at, string? milestone, IQuerySession session, SeedCatalog seeds, WorkflowCatalog workflows,
        CancellationToken cancellation)
    {
        var moment = at ?? await MilestoneAsync(session, id, milestone, cancellation);
        if (moment is null) return Problems.NotFound(new BilingualText($"Không có mốc '{milestone}' trong '{id}'.", $"There is no milestone '{milestone}' in '{id}'."));

        var details = await DetailsAsOfAsync(session, id, moment.Value, seeds, workflows, cancellation);
        return details is null ? NotFound(id, moment.Value) : Results.Ok(details);
    }

    /// <summary>What changed in a process between two moments: its state at both and each change with who, when and why.</summary>
    [WolverineGet(Routes.AuditProcessDiff)]
    [SignedIn]
    public static async Task<IResult> ProcessDiff(string id, DateTimeOffset from, DateTimeOffset to, IQuerySession session, SeedCatalog seeds, WorkflowCatalog workflows,
        CancellationToken cancellation) =>
        await DiffAsync(id, from, to, session, seeds, workflows, cancellation) is { } diff ? Results.Ok(diff) : NotFound(id, to);

    /// <summary>The diff between two moments, or null when the process did not exist yet at <paramref name="to"/>.</summary>
    public static async Task<ProcessDiff?> DiffAsync(string id, DateTimeOffset from, DateTimeOffset to, IQuerySession session, SeedCatalog seeds, WorkflowCatalog workflows,
        CancellationToken cancellation)
    {
        var before = await DetailsAsOfAsync(session, id, from, seeds, workflows, cancellation);
        var after = await DetailsAsOfAsync(session, id, to, seeds, workflows, cancellation);
        if (after is null) return null;

        var changes = (await EntriesAsync(session, id, null, null, null, from, to, cancellation)).Where(entry => entry.Timestamp > from).ToList();
        var stepChanges = after.Steps
            .Select(step => (step.StepId, Before: before?.Steps.SingleOrDefault(b => b.StepId == step.StepId)?.Status ?? ConsultationProcessDetailsEndpoint.Waiting, After: step.Status))
            .Where(change => change.Before != change.After)
            .Select(change => new StepChange(change.StepId, change.Before, change.After))
            .ToList();
        return new ProcessDiff(id, from, to, before?.Version ?? 0, after.Version, stepChanges, changes);
    }

    /// <summary>The quota evaluation of a process's list as it stood at <paramref name="at"/>: list and dossiers rebuilt to that moment.</summary>
    [WolverineGet(Routes.AuditQuotasAsOf)]
    [ReadsDossiers]
    public static async Task<IResult> QuotasAsOf(string id, DateTimeOffset at, Quotas.ListScope? scope, IQuerySession session, SeedCatalog seeds, WorkflowCatalog workflows,
        CancellationToken cancellation)
    {
        // PostgreSQL takes a moment only in UTC; the caller may give any offset.
        at = at.ToUniversalTime();
        var process = await session.Events.AggregateStreamAsync<ConsultationProcess>(id, timestamp: at, token: cancellation);
        var list = await session.Events.AggregateStreamAsync<CandidateList>(CandidateList.IdFor(id), timestamp: at, token: cancellation);
        if (process is null || list is null) return NotFound(id, at);

        var chosen = scope ?? Quotas.ListScope.Standing;
        var subjects = await Quotas.QuotaSubjects.ForAsync(session, process, workflows.DefinitionOf(process), list, chosen, seeds, cancellation, at);
        var ruleSet = seeds.RuleSetFor(process);
        return Results.Ok(new Quotas.QuotaReport(id, ruleSet.Id, ruleSet.Version, chosen, subjects.Count,
            Quotas.QuotaEvaluation.Evaluate(ruleSet, subjects, Quotas.QuotaSubjects.ContextFor(process, list, chosen, seeds)), list.Overrides));
    }

    public static async Task<ConsultationProcessDetails?> DetailsAsOfAsync(IQuerySession session, string id, DateTimeOffset at, SeedCatalog seeds, WorkflowCatalog workflows,
        CancellationToken cancellation)
    {
        // PostgreSQL takes a moment only in UTC; the caller may give any offset.
        at = at.ToUniversalTime();
        var process = await session.Events.AggregateStreamAsync<ConsultationProcess>(id, timestamp: at, token: cancellation);
        if (process is null) return null;

        var upToThen = await session.Events.FetchStreamAsync(id, timestamp: at, token: cancellation);
        var amended = await session.Events.AggregateStreamAsync<CalendarAmendments.AmendedCalendar>(
            CalendarAmendments.AmendedCalendar.IdFor(process.TermId), timestamp: at, token: cancellation);
        return ConsultationProcessDetailsEndpoint.Describe(process, workflows.DefinitionOf(process), seeds, amended, upToThen.Count == 0 ? 0 : upToThen[^1].Version);
    }

    private static async Task<DateTimeOffset?> MilestoneAsync(IQuerySession session, string processId, string? milestone, CancellationToken cancellation)
    {
        if (milestone is null) return null;
        if (milestone.StartsWith("minutes-signed:", StringComparison.Ordinal) && int.TryParse(milestone["minutes-signed:".Length..], out var round))
        {
            return await FirstAsync<ConsultationConferences.MinutesSigned>(session, ConsultationConferences.ConsultationConference.IdFor(processId, round), _ => true, cancellation);
        }

        if (milestone == "official-list-published")
        {
            return await FirstAsync<OfficialListPublished>(session, CandidateList.IdFor(processId), _ => true, cancellation);
        }

        return await FirstAsync<StepCompleted>(session, processId, completed => completed.StepId == milestone, cancellation);
    }

    /// <summary>When the first event of a kind that matches was recorded in a stream; only that kind is read, not the whole stream.</summary>
    private static async Task<DateTimeOffset?> FirstAsync<T>(IQuerySession session, string streamId, Func<T, bool> matches, CancellationToken cancellation)
    {
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey == streamId && e.EventTypesAre(typeof(T)))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellation);
        return events.FirstOrDefault(e => e.Data is T data && matches(data))?.Timestamp;
    }

    /// <summary>The candidate list of a process as it stood at <paramref name="at"/>.</summary>
    [WolverineGet(Routes.AuditListAsOf)]
    [ReadsDossiers]
    public static async Task<IResult> ListAsOf(string id, DateTimeOffset at, IQuerySession session, CancellationToken cancellation) =>
        await session.Events.AggregateStreamAsync<CandidateList>(CandidateList.IdFor(id), timestamp: at.ToUniversalTime(), token: cancellation) is { } list
            ? Results.Ok(list)
            : NotFound(id, at);

    private static async Task<IReadOnlyList<AuditTrailEntry>> EntriesAsync(IQuerySession session, string streamId, string? actor, string? body, string? kind,
        DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellation)
    {
        var entries = new List<AuditTrailEntry>();
        for (var page = 1; ; page++)
        {
            var (shown, total) = await PageAsync(session, streamId, actor, kind, from, to, page, WholeTrailPage, cancellation);
            entries.AddRange(shown.Where(entry => body is null || entry.Body == body));
            if ((long)page * WholeTrailPage >= total) return entries;
        }
    }

    /// <summary>How many events the whole trail (JSON, CSV) reads from the database at a time.</summary>
    private const int WholeTrailPage = 1000;

    /// <summary>
    /// One page of a stream's history in sequence order, filtered by actor, kind and period in the database (a list's
    /// stream holds every filing and placement of its process, thousands for a province), and how many events match.
    /// </summary>
    public static async Task<(IReadOnlyList<AuditTrailEntry> Entries, long Total)> PageAsync(IQuerySession session, string streamId, string? actor, string? kind,
        DateTimeOffset? from, DateTimeOffset? to, int page, int pageSize, CancellationToken cancellation)
    {
        // Marten's event store implements the shared read tier's filtered, paged query, though its session interface does not name it.
        var found = await ((IReadOnlyEventStore)session.Events).QueryEventsAsync(new EventQuery
        {
            StreamId = streamId,
            UserName = actor,
            // Kinds are stored as lower-case aliases (minutes_signed); people and scripts may type them in any case.
            EventTypeName = kind?.ToLowerInvariant(),
            // PostgreSQL takes a moment only in UTC; the caller may give any offset.
            TimestampFrom = from?.ToUniversalTime(),
            TimestampTo = to?.ToUniversalTime(),
            PageNumber = page,
            PageSize = pageSize,
        }, cancellation);
        return ([.. found.Events.Select(e => EntryOf(session, e))], found.TotalCount);
    }

    /// <summary>The accounts that acted on a stream and the kinds of event it holds, for the trail's filters.</summary>
    public static async Task<(IReadOnlyList<string> Actors, IReadOnlyList<string> Kinds)> FiltersAsync(IQuerySession session, string streamId, CancellationToken cancellation)
    {
        var events = session.Events.QueryAllRawEvents().Where(e => e.StreamKey == streamId);
        var actors = await events.Where(e => e.UserName != null).Select(e => e.UserName!).Distinct().ToListAsync(cancellation);
        var kinds = await events.Select(e => e.EventTypeName).Distinct().ToListAsync(cancellation);
        return ([.. actors], [.. kinds]);
    }

    /// <summary>An event as the trail shows it, its protected data left out.</summary>
    public static AuditTrailEntry EntryOf(IQuerySession session, IEvent e)
    {
        var data = AuditData.WithoutProtected(session.DocumentStore.Options.Serializer().ToJson(e.Data));
        return new AuditTrailEntry(e.Sequence, e.Version, e.EventTypeName, e.Timestamp, e.UserName, e.CorrelationId, e.CausationId,
            Header(e, ActorHeaders.Roles), Header(e, ActorHeaders.Body), Header(e, ActorHeaders.LegalBasis), data, DecisionTime(data));
    }

    /// <summary>
    /// When the decision an event records was taken (ConvenedAt, SignedAt, FiledAt…): its last member named …At, which
    /// every event writes after any deadline or schedule it also names; null for data with none.
    /// </summary>
    public static DateTimeOffset? DecisionTime(string data) => JsonNode.Parse(data) is JsonObject members ? DecisionMember(members)?.At : null;

    /// <summary>The member holding the decision's time, and that time.</summary>
    public static (string Name, DateTimeOffset At)? DecisionMember(JsonObject members) =>
        members.Where(member => member.Key.EndsWith("At", StringComparison.Ordinal))
            .Select(member => member.Value is JsonValue value && value.TryGetValue<DateTimeOffset>(out var at) ? (member.Key, at) : ((string, DateTimeOffset)?)null)
            .LastOrDefault(member => member is not null);

    private static string? Header(IEvent e, string name) => e.Headers?.GetValueOrDefault(name)?.ToString();

    private static IResult NotFound(string id, DateTimeOffset at) =>
        Problems.NotFound(new BilingualText($"'{id}' chưa tồn tại vào {at:O}.", $"'{id}' did not exist at {at:O}."));
}
