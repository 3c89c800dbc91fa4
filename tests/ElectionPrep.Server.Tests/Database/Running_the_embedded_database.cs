using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using ElectionPrep.Database;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace ElectionPrep.Database;

public class Running_the_embedded_database
{
    private const string ProcessId = "2021-2026.district-council.061";

    [Fact]
    public async Task A_server_without_a_connection_string_keeps_its_data_across_a_restart()
    {
        var folder = TestDatabase.TemporaryFolder();
        var settings = new Dictionary<string, string> { ["EmbeddedDatabase:DataDirectory"] = folder };
        var clock = new TestClock(AppFixture.Start);
        try
        {
            await using (var first = await ServerHost.StartAsync(settings, clock))
            {
                await first.Scenario(s =>
                {
                    s.Post.Json(new { termId = "2021-2026", council = "district-council", jurisdictionCode = "061" }).ToUrl(Routes.ConsultationProcesses);
                    s.WithBearerToken(TestUsers.NationalChair);
                    s.StatusCodeShouldBe(HttpStatusCode.Created);
                });
            }

            // The test server finishes disposing its services shortly after DisposeAsync returns: PostgreSQL stops, then
            // the server lets go of its data folder. A second server started before that is refused, as it should be.
            Assert.True(await Eventually(() => !File.Exists(Path.Combine(folder, "pgdata", "postmaster.pid"))), "stopping the server stops its PostgreSQL");
            Assert.True(await Eventually(() => FolderIsFree(folder)), "a stopped server releases its data folder");
            Assert.True(File.Exists(Path.Combine(folder, "pgdata", "PG_VERSION")));

            await using (var second = await ServerHost.StartAsync(settings, clock))
            {
                var process = await second.Read<JsonElement>(Routes.ConsultationProcessFor(ProcessId));
                Assert.Equal("Huyện Ba Bể", process.GetProperty("jurisdictionName").GetString());
            }
        }
        finally
        {
            // Deleting the folder under a PostgreSQL still stopping would orphan it: pg_ctl finds no pid file.
            await Eventually(() => !File.Exists(Path.Combine(folder, "pgdata", "postmaster.pid")));
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Whether no server holds the data folder's lock any more.</summary>
    private static bool FolderIsFree(string folder)
    {
        try
        {
            using var probe = new FileStream(Path.Combine(folder, "server.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public async Task A_second_server_on_the_same_data_folder_is_refused()
    {
        var cluster = await TestDatabase.StartThrowawayClusterAsync();
        try
        {
            var refused = await Assert.ThrowsAsync<StartupRefusedException>(
                () => EmbeddedPostgresCluster.StartAsync(cluster.Root, durable: false, NullLogger.Instance));

            Assert.Contains("Another ElectionPrep server is using the database", refused.Message, StringComparison.Ordinal);
            Assert.Contains("EmbeddedDatabase__DataDirectory", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            TestDatabase.StopAndDelete(cluster);
        }
    }

    [Fact]
    public async Task A_server_killed_mid_flight_loses_nothing_it_acknowledged_and_restarts_on_its_cluster()
    {
        var folder = TestDatabase.TemporaryFolder();
        var environment = new Dictionary<string, string> { ["EmbeddedDatabase__DataDirectory"] = folder };
        try
        {
            await using (var first = ServerProcess.Start(environment))
            {
                using var client = await first.WaitUntilHealthyAsync();
                client.DefaultRequestHeaders.Authorization = new("Bearer", TestUsers.NationalChair);
                var opened = await client.PostAsJsonAsync(Routes.ConsultationProcesses,
                    new { termId = "2021-2026", council = "district-council", jurisdictionCode = "061" });
                Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
                await first.KillAsync();
            }

            Assert.True(File.Exists(Path.Combine(folder, "pgdata", "postmaster.pid")), "a killed server leaves PostgreSQL running");

            await using var second = ServerProcess.Start(environment);
            using (var client = await second.WaitUntilHealthyAsync())
            {
                client.DefaultRequestHeaders.Authorization = new("Bearer", TestUsers.Observer);
                var process = await client.GetFromJsonAsync<JsonElement>(Routes.ConsultationProcessFor(ProcessId));
                Assert.Equal("Huyện Ba Bể", process.GetProperty("jurisdictionName").GetString());
            }

            Assert.Equal(0, await second.StopAsync());
            Assert.False(File.Exists(Path.Combine(folder, "pgdata", "postmaster.pid")), "a graceful stop stops PostgreSQL");
        }
        finally
        {
            await TestDatabase.StopAnyClusterLeftIn(folder);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Without_PostgreSQL_installed_the_server_exits_with_1_saying_what_to_install()
    {
        var folder = TestDatabase.TemporaryFolder();
        try
        {
            await using var server = ServerProcess.StartWithoutPostgreSql(
                new Dictionary<string, string> { ["EmbeddedDatabase__DataDirectory"] = folder });

            Assert.Equal(1, await server.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("PostgreSQL server binaries (initdb, pg_ctl) were not found", server.Output, StringComparison.Ordinal);
            Assert.Contains("apt-get install postgresql", server.Output, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings__ElectionPrep", server.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", server.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 100 && !condition(); attempt++) await Task.Delay(100);
        return condition();
    }
}
