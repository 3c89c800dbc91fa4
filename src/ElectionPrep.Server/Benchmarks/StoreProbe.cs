using System.Diagnostics;
using ElectionPrep.Database;
using Npgsql;

namespace ElectionPrep.Benchmarks;

/// <summary>The store's totals at the end of a run.</summary>
public sealed record StoreTotals(long Events, long Streams, long DatabaseBytes, double AverageEventBytes)
{
    public double EventsPerStream => Streams == 0 ? 1 : (double)Events / Streams;

    public double DatabaseBytesPerEvent => Events == 0 ? 0 : (double)DatabaseBytes / Events;
}

/// <summary>How far a projection or subscription is behind the newest event: in events, and the age of its oldest unhandled event.</summary>
public sealed record Lag(long Events, double Seconds);

/// <summary>Reads the event store's size and the async daemon's progress straight from PostgreSQL, beside the server.</summary>
public sealed class StoreProbe(string connectionString)
{
    private const string Schema = DatabaseServices.SchemaName;
    private const string AuditSubscription = "audit-log";

    public string ConnectionString => connectionString;

    public async Task<long> HighestSequenceAsync() => await ScalarAsync<long>($"select coalesce(max(seq_id), 0) from {Schema}.mt_events");

    /// <summary>The PostgreSQL server's main process: the parent of this connection's backend.</summary>
    public async Task<int> PostmasterAsync()
    {
        var backend = await ScalarAsync<int>("select pg_backend_pid()");
        var stat = await File.ReadAllTextAsync($"/proc/{backend}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<long> DatabaseBytesAsync() => await ScalarAsync<long>("select pg_database_size(current_database())");

    /// <summary>The async projections' lag (the furthest behind of them) and the audit subscription's.</summary>
    public async Task<(Lag Daemon, Lag Audit)> LagAsync()
    {
        var highest = await HighestSequenceAsync();
        var progress = new List<(string Name, long Sequence)>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"select name, last_seq_id from {Schema}.mt_event_progression where name not like 'HighWater%'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) progress.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        var audit = progress.Where(row => row.Name.StartsWith(AuditSubscription, StringComparison.Ordinal)).Select(row => row.Sequence).DefaultIfEmpty(0).Min();
        var daemon = progress.Where(row => !row.Name.StartsWith(AuditSubscription, StringComparison.Ordinal)).Select(row => row.Sequence).DefaultIfEmpty(0).Min();
        return (await LagFromAsync(daemon, highest), await LagFromAsync(audit, highest));
    }

    /// <summary>Waits until the projections and the audit log have every event; the seconds that took.</summary>
    public async Task<double> WaitForDaemonAsync(TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < timeout)
        {
            var (daemon, audit) = await LagAsync();
            if (daemon.Events == 0 && audit.Events == 0) break;
            await Task.Delay(500);
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    public async Task<StoreTotals> TotalsAsync() => new(
        await ScalarAsync<long>($"select count(*) from {Schema}.mt_events"),
        await ScalarAsync<long>($"select count(*) from {Schema}.mt_streams"),
        await DatabaseBytesAsync(),
        await ScalarAsync<double?>($"select avg(pg_column_size(data))::float8 from {Schema}.mt_events") ?? 0);

    private async Task<Lag> LagFromAsync(long handled, long highest)
    {
        if (handled >= highest) return new Lag(0, 0);
        var age = await ScalarAsync<double?>($"select extract(epoch from now() - min(timestamp))::float8 from {Schema}.mt_events where seq_id > {handled}");
        return new Lag(highest - handled, age ?? 0);
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
