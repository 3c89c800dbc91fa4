using ElectionPrep.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ElectionPrep.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run, started with the server's own embedded-cluster code
/// (fsync off), and stopped and deleted when the test process exits. Each host gets a database of its own.
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
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAndDelete(cluster);
        return cluster;
    }

    public static void StopAndDelete(EmbeddedPostgresCluster cluster)
    {
        cluster.StopAsync().GetAwaiter().GetResult();
        Directory.Delete(cluster.Root, recursive: true);
    }
}
