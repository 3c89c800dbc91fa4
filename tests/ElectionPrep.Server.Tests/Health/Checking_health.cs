using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;

namespace ElectionPrep.Health;

public class Checking_health(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_reachable_database_is_healthy()
    {
        var health = await Host.Read<JsonElement>(Routes.Health);

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }
}

public class Checking_health_when_the_database_is_down
{
    [Fact]
    public async Task A_stopped_database_makes_the_server_answer_503()
    {
        var cluster = await TestDatabase.StartThrowawayClusterAsync();
        try
        {
            await using var host = await ServerHost.StartAsync(
                new Dictionary<string, string> { ["ConnectionStrings:ElectionPrep"] = cluster.ConnectionString }, TimeProvider.System);
            await cluster.StopAsync();

            var result = await host.Scenario(s =>
            {
                s.Get.Url(Routes.Health);
                s.StatusCodeShouldBe(HttpStatusCode.ServiceUnavailable);
            });

            var health = await result.ReadAsJsonAsync<JsonElement>();
            Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
            Assert.Equal("PostgreSQL is not reachable", health.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
        }
        finally
        {
            Directory.Delete(cluster.Root, recursive: true);
        }
    }
}
