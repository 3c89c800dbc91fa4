using System.Diagnostics;
using System.Globalization;
using ElectionPrep.Http;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.Benchmarks;

/// <summary>p50 and p95 of a set of calls, in milliseconds.</summary>
public sealed record Percentiles(int Count, double P50, double P95);

/// <summary>What the store, the server and the read paths looked like at one moment of a run.</summary>
/// <param name="DuringRun">False for the last sample, taken once the commands stopped and the daemon caught up.</param>
public sealed record Sample(
    bool DuringRun, double Seconds, long Events, long DatabaseBytes, long RssBytes, long ManagedBytes, double CommandsPerSecond, double FilingsPerSecond,
    Lag Daemon, Lag Audit, IReadOnlyDictionary<string, Percentiles> Paths);

/// <summary>
/// Samples, every interval of a run, the paths people read while the country files: a proof of inclusion and of
/// consistency, the latest checkpoint, a stream's audit page, the observer's dashboard, a clerk's inbox and the roll-ups;
/// with the window's command and filing throughput, the store's size, the process's memory and the daemon's lag.
/// </summary>
public sealed class Sampler(HttpClient http, BenchmarkTokens tokens, PipelineClient load, StoreProbe store, NationalPlan plan)
{
    private const int CallsPerPath = 3;

    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Random random = new(7);
    private long commandsBefore;
    private double secondsBefore;

    public async Task<List<Sample>> RunAsync(TimeSpan interval, CancellationToken cancellation)
    {
        var samples = new List<Sample>();
        try
        {
            while (true)
            {
                await Task.Delay(interval, cancellation);
                samples.Add(await SampleAsync(duringRun: true, cancellation));
            }
        }
        catch (OperationCanceledException)
        {
            return samples;
        }
    }

    public async Task<Sample> SampleAsync(bool duringRun, CancellationToken cancellation)
    {
        var probe = new PipelineClient(http, tokens.Of);
        var events = await store.HighestSequenceAsync();
        var commune = plan.Processes.Where(process => process.Council == CouncilKind.CommuneCouncil).ElementAt(random.Next(plan.Processes.Count(process => process.Council == CouncilKind.CommuneCouncil)));
        var streamId = plan.Processes[random.Next(plan.Processes.Count)].Id(plan.TermId);
        var clerk = tokens.Of(Body.FrontStandingBoard, ActorRole.Clerk, commune.Jurisdiction);
        for (var call = 0; call < CallsPerPath && events > 1; call++)
        {
            var sequence = 1 + random.NextInt64(events / 2);
            await Try(probe.GetAsync("inclusion proof", $"{Routes.For(Routes.AuditInclusionProof, sequence.ToString(CultureInfo.InvariantCulture))}?treeSize={events / 2 + 1}", tokens.Observer, cancellation));
            await Try(probe.GetAsync("consistency proof", $"{Routes.AuditConsistencyProof}?first={events / 4 + 1}&second={events / 2 + 1}", tokens.Observer, cancellation));
            await Try(probe.GetAsync("checkpoint", Routes.AuditLatestCheckpoint, tokens.Observer, cancellation));
            await Try(probe.GetAsync("audit page", $"/audit/{streamId}", tokens.Observer, cancellation));
            await Try(probe.GetAsync("dashboard", "/", tokens.Observer, cancellation));
            await Try(probe.GetAsync("inbox", Routes.Inbox, clerk, cancellation));
            await Try(probe.GetAsync("quota roll-up", $"{Routes.For(Routes.QuotaRollup, "VN")}?council={CouncilKind.CommuneCouncil.Slug()}", tokens.Observer, cancellation));
            await Try(probe.GetAsync("process roll-up", Routes.For(Routes.Rollup, "VN"), tokens.Observer, cancellation));
        }

        var window = load.TakeRecent();
        var seconds = clock.Elapsed.TotalSeconds;
        var span = Math.Max(seconds - secondsBefore, 0.001);
        var filings = window.Where(call => call.Kind == "file-candidacy").Select(call => call.Milliseconds).ToList();
        var paths = BenchmarkReport.Percentiles(probe.Latencies).ToDictionary();
        if (filings.Count > 0) paths["filing"] = BenchmarkReport.PercentilesOf(filings);
        var (daemon, audit) = await store.LagAsync();
        using var self = Process.GetCurrentProcess();
        var sample = new Sample(duringRun, seconds, events, await store.DatabaseBytesAsync(), self.WorkingSet64, GC.GetTotalMemory(false),
            (load.Commands - commandsBefore) / span, filings.Count / span, daemon, audit, paths);
        (commandsBefore, secondsBefore) = (load.Commands, seconds);
        return sample;
    }

    /// <summary>A path not yet answerable (no checkpoint, no leaf yet at the start) is left out of the sample, not counted as slow.</summary>
    private static async Task Try(Task call)
    {
        try
        {
            await call;
        }
        catch (InvalidOperationException)
        {
        }
    }
}
