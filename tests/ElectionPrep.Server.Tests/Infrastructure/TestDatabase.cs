using System.Diagnostics;
using ElectionPrep.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ElectionPrep.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run, started with the server's own embedded-cluster code
/// (fsync off), and stopped and deleted when the test process ends, however it ends. Each host gets a database
/// of its own.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<EmbeddedPostgresCluster>> Cluster = new(StartAsync);

    public static Task<EmbeddedPostgresCluster> StartThrowawayClusterAsync() =>
        EmbeddedPostgresCluster.StartAsync(TemporaryFolder(), durable: false, NullLogger.Instance);

    public static string TemporaryFolder() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"electionprep-tests-{Guid.NewGuid():N}")).FullName;

    /// <summary>A fresh, empty database in the shared cluster.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var cluster = await Cluster.Value;
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task<EmbeddedPostgresCluster> StartAsync()
    {
        var cluster = await StartThrowawayClusterAsync();
        WatchOver(cluster);
        return cluster;
    }

    /// <summary>
    /// The test host is often killed rather than let exit, so no exit handler can be trusted to stop PostgreSQL.
    /// A detached watchdog waits for this process to end, then shuts the postmaster down (SIGINT: fast shutdown)
    /// and deletes the folder.
    /// </summary>
    private static void WatchOver(EmbeddedPostgresCluster cluster)
    {
        var postmaster = File.ReadLines(Path.Combine(cluster.DataDirectory, "postmaster.pid")).First();
        var script = $"""
            while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done
            kill -INT {postmaster} 2>/dev/null
            while kill -0 {postmaster} 2>/dev/null; do sleep 0.2; done
            rm -rf '{cluster.Root}'
            """;
        var watchdog = new ProcessStartInfo("setsid", ["bash", "-c", script]) { UseShellExecute = false };
        Process.Start(watchdog)!.Dispose();
    }

    /// <summary>
    /// Starts a stopped cluster again on its old port, as a database back from an outage is: the server's connection
    /// string still points there. Stop it with <see cref="StopRestartedAsync"/>.
    /// </summary>
    public static Task RestartAsync(EmbeddedPostgresCluster cluster) =>
        PgCtlAsync("start", "-D", cluster.DataDirectory, "-l", Path.Combine(cluster.DataDirectory, "server.log"), "-w", "-t", "60",
            "-o", $"-p {cluster.Port} -c listen_addresses=127.0.0.1 -k {cluster.DataDirectory} -c fsync=off");

    public static Task StopRestartedAsync(EmbeddedPostgresCluster cluster) =>
        PgCtlAsync("stop", "-D", cluster.DataDirectory, "-m", "fast", "-w", "-t", "60");

    // PostgreSQL refuses to run as root: as root, as the account the embedded cluster itself uses.
    private static async Task PgCtlAsync(params string[] arguments)
    {
        var pgCtl = PostgresBinaries.Find()!.PgCtl;
        var start = Environment.IsPrivilegedProcess
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", pgCtl, .. arguments])
            : new ProcessStartInfo(pgCtl, arguments);
        start.UseShellExecute = false;
        start.WorkingDirectory = "/";
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        // pg_ctl start leaves the postmaster holding inherited pipes, so read to the end only after exit.
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_ctl {arguments[0]} failed: {await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>Stops the PostgreSQL a killed server left running in <paramref name="folder"/>, if any, by adopting and stopping it.</summary>
    public static async Task StopAnyClusterLeftIn(string folder)
    {
        if (!File.Exists(Path.Combine(folder, "pgdata", "postmaster.pid"))) return;
        var adopted = await EmbeddedPostgresCluster.StartAsync(folder, durable: false, NullLogger.Instance);
        await adopted.StopAsync();
    }

    public static void StopAndDelete(EmbeddedPostgresCluster cluster)
    {
        cluster.StopAsync().GetAwaiter().GetResult();
        Directory.Delete(cluster.Root, recursive: true);
    }
}
