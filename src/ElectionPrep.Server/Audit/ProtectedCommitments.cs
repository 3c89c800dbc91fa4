using ElectionPrep.Database;
using ElectionPrep.Http;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Wolverine.Http;

namespace ElectionPrep.Audit;

/// <summary>An event whose protected data was checked, named by its place only: never the protected values.</summary>
public sealed record ProtectedDataEvent(long Sequence, string StreamKey, long Version, string EventType);

/// <summary>
/// Đối chiếu dữ liệu được bảo vệ: each event's stored protected data against the salted commitment its leaf holds, over
/// a range of sequence numbers. The verifier cannot make this check (exports leave protected data out); the server can.
/// </summary>
public sealed record ProtectedCommitmentReport(long From, long To, int Checked, int Matching, IReadOnlyList<ProtectedDataEvent> Mismatches,
    IReadOnlyList<ProtectedDataEvent> Masked)
{
    /// <summary>Leaves read at a time: the check walks a log of millions of events in pages, holding one page at once.</summary>
    public const int PageSize = 2_000;

    public static async Task<ProtectedCommitmentReport> CheckAsync(IQuerySession session, NpgsqlDataSource database, long from, long to, CancellationToken cancellation,
        int pageSize = PageSize)
    {
        var (checkedCount, matching) = (0, 0);
        List<ProtectedDataEvent> mismatches = [], masked = [];
        for (var next = from; next <= to;)
        {
            var cursor = next;
            var leaves = await session.Query<AuditLeaf>()
                .Where(leaf => leaf.Id >= cursor && leaf.Id <= to && leaf.Entry.ProtectedCommitment != null)
                .OrderBy(leaf => leaf.Id)
                .Take(pageSize)
                .ToListAsync(cancellation);
            foreach (var (e, state) in await CheckPageAsync(session, database, leaves, cancellation))
            {
                checkedCount++;
                if (state == ProtectedDataState.Matches) matching++;
                else if (state == ProtectedDataState.Mismatch) mismatches.Add(e);
                else if (state == ProtectedDataState.Masked) masked.Add(e);
            }

            if (leaves.Count < pageSize) break;
            next = leaves[^1].Id + 1;
        }

        return new ProtectedCommitmentReport(from, to, checkedCount, matching, mismatches, masked);
    }

    private static async Task<IEnumerable<(ProtectedDataEvent Event, ProtectedDataState State)>> CheckPageAsync(
        IQuerySession session, NpgsqlDataSource database, IReadOnlyList<AuditLeaf> leaves, CancellationToken cancellation)
    {
        var salts = (await session.LoadManyAsync<AuditSalt>(cancellation, leaves.Select(leaf => leaf.Entry.EventId).ToArray())).ToDictionary(salt => salt.Id, salt => salt.Salt);
        var stored = new Dictionary<long, string>();
        await using (var command = database.CreateCommand($"select seq_id, data::text from {DatabaseServices.SchemaName}.mt_events where seq_id = any(@sequences)"))
        {
            command.Parameters.AddWithValue("sequences", leaves.Select(leaf => leaf.Id).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation)) stored[reader.GetInt64(0)] = reader.GetString(1);
        }

        // A leaf whose event is gone is the verifier's DELETED, not a protected-data question.
        return leaves.Where(leaf => stored.ContainsKey(leaf.Id))
            .Select(leaf => (new ProtectedDataEvent(leaf.Id, leaf.Entry.StreamKey, leaf.Entry.Version, leaf.Entry.EventType),
                AuditData.Check(AuditData.Split(stored[leaf.Id]).Protected, leaf.Entry.ProtectedCommitment!, salts.GetValueOrDefault(leaf.Entry.EventId))));
    }

    /// <summary>Records each mismatch as a finding, once (a later run keeps the time it was first found).</summary>
    public async Task RecordFindingsAsync(IDocumentSession session, DateTimeOffset now, CancellationToken cancellation)
    {
        var ids = Mismatches.Select(e => AuditFinding.IdFor(AuditFinding.ProtectedMismatch, e.Sequence)).ToArray();
        var known = (await session.LoadManyAsync<AuditFinding>(cancellation, ids)).Select(finding => finding.Id).ToHashSet();
        foreach (var e in Mismatches.Where(e => !known.Contains(AuditFinding.IdFor(AuditFinding.ProtectedMismatch, e.Sequence))))
        {
            session.Store(new AuditFinding(AuditFinding.IdFor(AuditFinding.ProtectedMismatch, e.Sequence), AuditFinding.ProtectedMismatch, e.Sequence, e.StreamKey, e.Version,
                $"PROTECTED DATA CHANGED: event {e.Sequence} ({e.EventType} in {e.StreamKey}, version {e.Version}) no longer matches its commitment in the log", now));
        }

        await session.SaveChangesAsync(cancellation);
    }
}

public static class ProtectedCommitmentEndpoint
{
    /// <summary>The check over sequences <paramref name="from"/>…<paramref name="to"/> (default: the whole log).</summary>
    [WolverineGet(Routes.AuditProtectedCommitments)]
    [ReadsNationally]
    public static Task<ProtectedCommitmentReport> Get(long? from, long? to, IQuerySession session, NpgsqlDataSource database, CancellationToken cancellation) =>
        ProtectedCommitmentReport.CheckAsync(session, database, from ?? 1, to ?? long.MaxValue, cancellation);
}

/// <summary>
/// Runs the protected-data check over the whole log every Audit:ProtectedCommitmentCheckInterval (daily unless
/// configured) and records each mismatch as a finding, so observers see it without asking.
/// </summary>
public sealed class ProtectedCommitmentWatch(IDocumentStore store, NpgsqlDataSource database, TimeProvider clock, IConfiguration configuration,
    ILogger<ProtectedCommitmentWatch> logger) : BackgroundService
{
    private readonly TimeSpan interval = configuration.GetValue("Audit:ProtectedCommitmentCheckInterval", TimeSpan.FromDays(1));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var session = store.LightweightSession();
                var report = await ProtectedCommitmentReport.CheckAsync(session, database, 1, long.MaxValue, stoppingToken);
                await report.RecordFindingsAsync(session, clock.GetUtcNow(), stoppingToken);
                logger.LogInformation("Protected data checked against the log: {Checked} events, {Mismatches} mismatched, {Masked} masked",
                    report.Checked, report.Mismatches.Count, report.Masked.Count);
            }
            catch (Exception problem) when (problem is not OperationCanceledException)
            {
                // The next run tries again; the type and message only, as the database's errors go (CommandTextOnlyLogger).
                logger.LogError("The protected-data check failed ({ExceptionType}: {ExceptionMessage})", problem.GetType().FullName, problem.Message);
            }
        }
    }
}
