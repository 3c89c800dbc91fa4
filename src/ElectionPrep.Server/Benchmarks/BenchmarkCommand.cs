using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ElectionPrep.Database;
using ElectionPrep.Demo;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using JasperFx.CommandLine;

namespace ElectionPrep.Benchmarks;

public class BenchmarkInput
{
    [Description("How much of the country to prepare: small, province (Bắc Kạn in full) or national (63 provinces)")]
    public string ScaleFlag { get; set; } = "province";

    // The command line's parser matches enum names by case; people type the README's lower case.
    public BenchmarkScale Scale => Enum.TryParse<BenchmarkScale>(ScaleFlag, ignoreCase: true, out var scale) && Enum.IsDefined(scale)
        ? scale
        : throw new ArgumentException($"--scale is small, province or national, not '{ScaleFlag}'.");

    [Description("How many clients call the server at once")]
    public int ClientsFlag { get; set; } = 16;

    [Description("The generator's seed: the same seed gives the same country and the same dossiers")]
    public int SeedFlag { get; set; } = 2021;

    [Description("Seconds between two samples of the read paths, the store and the daemon's lag")]
    public int SampleFlag { get; set; } = 30;

    [Description("The folder the report is written to, a relative one from the repository's root (default: docs/benchmarks)")]
    public string OutputFlag { get; set; } = Path.Combine(WorkflowDiagramsInput.RepositoryRoot(), "docs", "benchmarks");

    [Description("Where the run's own database and seeds go (default: a new temporary folder, deleted afterwards)")]
    public string WorkFlag { get; set; } = "";
}

/// <summary>
/// The national benchmark: generates the country's preparation, starts a server of this build on a fresh embedded
/// database, and runs the preparation through its HTTP API with many clients while sampling the read paths, the store,
/// the memory and the daemon's lag; then, in the same database, Marten's own one-transaction-per-stream append of as many
/// events, for the ratio. The server runs in this process, since the run sets its clock along the 2021 calendar.
/// </summary>
[Description("Run the national preparation benchmark (scale small, province or national) and write a report (JSON, markdown, SVG)", Name = "benchmark")]
public class BenchmarkCommand : JasperFxAsyncCommand<BenchmarkInput>
{
    public override async Task<bool> Execute(BenchmarkInput input)
    {
        var repository = WorkflowDiagramsInput.RepositoryRoot();
        var work = input.WorkFlag.Length > 0 ? input.WorkFlag : Path.Combine(Path.GetTempPath(), $"electionprep-benchmark-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        var machine = MachineDescription.Read();
        var tree = AdministrativeTree.Generate(Path.Combine(repository, "seeds"), input.SeedFlag);
        tree.WriteSeeds(Path.Combine(repository, "seeds"), Path.Combine(work, "seeds"));
        var seeds = SeedCatalog.Load(Path.Combine(work, "seeds"));
        var term = seeds.LatestTerm;
        var calendar = new RunCalendar(term, seeds.TimeZoneOf(term));
        var plan = NationalPlan.Generate(input.Scale, tree, term, calendar, input.SeedFlag);
        Console.WriteLine($"Benchmark {input.Scale}: {plan.Processes.Count} processes, {plan.Candidacies} dossiers, {input.ClientsFlag} clients; work folder {work}");
        // The server shares this process with the plan and the clients: what the process held before it started is the
        // part of every later sample that is not the server's.
        var beforeServer = ProcessMemory.Settled();

        var tokens = new BenchmarkTokens();
        using var calls = new DatabaseCalls();
        var clock = new DemoClock(calendar.Opening);
        var port = FreePort();
        var server = await StartServerAsync(work, port, tokens, clock, repository);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = input.ClientsFlag + 4 })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5),
            };
            var client = new PipelineClient(http, tokens.Of, keepRecent: true);
            var store = new StoreProbe(server.Services.GetRequiredService<DatabaseConnection>().ConnectionString);
            var sampler = new Sampler(http, tokens, client, store, plan);
            var run = new PreparationRun(plan, client, server.Services.GetRequiredService<WorkflowCatalog>(), calendar, clock.Set, input.ClientsFlag);

            var postmaster = await store.PostmasterAsync();
            var processorAtStart = ProcessorSeconds.Read(postmaster);
            var started = Stopwatch.GetTimestamp();
            using var sampling = new CancellationTokenSource();
            var samples = sampler.RunAsync(TimeSpan.FromSeconds(input.SampleFlag), sampling.Token);
            await run.RunAsync(CancellationToken.None);
            var pipelineSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var processor = ProcessorSeconds.Read(postmaster).Since(processorAtStart);
            var catchUp = await store.WaitForDaemonAsync(TimeSpan.FromMinutes(30));
            await sampling.CancelAsync();
            var timeline = await samples;
            timeline.Add(await sampler.SampleAsync(duringRun: false, CancellationToken.None));

            var totals = await store.TotalsAsync();
            Console.WriteLine($"Pipeline: {totals.Events} events in {pipelineSeconds:F0} s; Marten baseline next");
            var baseline = await MartenBaseline.RunAsync(store.ConnectionString, totals.Events, totals.EventsPerStream, totals.AverageEventBytes, input.ClientsFlag);

            var report = new BenchmarkReport(input.Scale, input.ClientsFlag, input.SeedFlag, machine, MachineDescription.LoadAverage(), beforeServer,
                plan.Processes.Count, plan.Candidacies, Enum.GetValues<CandidateFate>().ToDictionary(fate => fate.ToString(), plan.Count),
                pipelineSeconds, client.Commands, totals, catchUp, run.Phases, BenchmarkReport.Percentiles(client.Latencies), client.Refusals.ToDictionary(),
                [.. client.Failures.Take(50), .. run.Broken.Take(10).Select(pair => $"{pair.Key}: {pair.Value}")], client.Failures.Count, run.Broken.Count, timeline, baseline,
                processor, calls.ByRoute(), calls.Background());
            // `dotnet run --project` starts in the project's folder, so a relative folder is read from the repository's root.
            var written = report.Write(Path.Combine(WorkflowDiagramsInput.RepositoryRoot(), input.OutputFlag));
            Console.WriteLine($"Report: {string.Join(", ", written)}");
            return client.Failures.Count == 0 && run.Broken.Count == 0;
        }
        finally
        {
            // Stops the embedded PostgreSQL before its folder goes.
            await server.StopAsync();
            await server.DisposeAsync();
            if (input.WorkFlag.Length == 0) TryDelete(work);
        }
    }

    private static async Task<WebApplication> StartServerAsync(string work, int port, BenchmarkTokens tokens, DemoClock clock, string repository)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(Program).Assembly.GetName().Name, ContentRootPath = AppContext.BaseDirectory,
        });
        var settings = new Dictionary<string, string?>(tokens.Settings.ToDictionary(pair => pair.Key, pair => (string?)pair.Value))
        {
            ["Seeds:Path"] = Path.Combine(work, "seeds"),
            ["Workflows:Path"] = Path.Combine(repository, "workflows"),
            ["EmbeddedDatabase:DataDirectory"] = Path.Combine(work, "database"),
            [WebHostDefaults.ServerUrlsKey] = $"http://127.0.0.1:{port}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddElectionPrep();
        var app = builder.Build();
        app.UseElectionPrep();
        await app.StartAsync();
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The embedded cluster may still hold a file for a moment; a temporary folder is cleaned up by the system anyway.
        }
    }
}

/// <summary>The process's resident set and managed heap, after a full collection so that garbage does not count.</summary>
public sealed record ProcessMemory(long RssBytes, long ManagedBytes)
{
    public static ProcessMemory Settled()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        return new ProcessMemory(self.WorkingSet64, managed);
    }
}

/// <summary>The machine the run was on, as the report states it.</summary>
public sealed record MachineDescription(string Cpu, int Cores, long MemoryBytes, string Os, string Runtime)
{
    public static MachineDescription Read()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        return new MachineDescription(cpu, Environment.ProcessorCount, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            System.Runtime.InteropServices.RuntimeInformation.OSDescription, System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
    }

    /// <summary>The 1, 5 and 15 minute load averages: other processes share the machine, and this shows how much.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Cores} cores ({Cpu}), {MemoryBytes / (1024 * 1024 * 1024.0):F1} GiB, {Os}, {Runtime}");
}
