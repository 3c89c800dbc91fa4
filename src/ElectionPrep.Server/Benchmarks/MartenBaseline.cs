using System.Diagnostics;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace ElectionPrep.Benchmarks;

/// <summary>
/// Marten's own append, for the ratio: as many events as the pipeline stored, in streams as long as its average stream,
/// one transaction a stream (where the law lets a command write many streams at once, the pipeline does, and the
/// baseline does not).
/// </summary>
public sealed record BaselineResult(long Events, long Transactions, double Seconds)
{
    public double EventsPerSecond => Seconds == 0 ? 0 : Events / Seconds;
}

/// <summary>An event about the size of the pipeline's average event.</summary>
public sealed record BaselineEvent(string StreamKey, int Index, string Payload);

public static class MartenBaseline
{
    private const string Schema = "benchmark_baseline";

    public static async Task<BaselineResult> RunAsync(string connectionString, long events, double eventsPerStream, double averageEventBytes, int clients)
    {
        using var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = Schema;
            options.Events.StreamIdentity = StreamIdentity.AsString;
            options.Events.AppendMode = EventAppendMode.Rich;
            options.AutoCreateSchemaObjects = AutoCreate.All;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var perStream = Math.Max(1, (int)Math.Round(eventsPerStream));
        var transactions = (events + perStream - 1) / perStream;
        var payload = new string('x', Math.Max(1, (int)averageEventBytes - 40));
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(LongRange(transactions), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (transaction, cancellation) =>
        {
            await using var session = store.LightweightSession();
            var key = $"baseline-{transaction}";
            session.Events.StartStream(key, [.. Enumerable.Range(0, perStream).Select(index => (object)new BaselineEvent(key, index, payload))]);
            await session.SaveChangesAsync(cancellation);
        });
        return new BaselineResult(transactions * perStream, transactions, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static IEnumerable<long> LongRange(long count)
    {
        for (var value = 0L; value < count; value++) yield return value;
    }
}
