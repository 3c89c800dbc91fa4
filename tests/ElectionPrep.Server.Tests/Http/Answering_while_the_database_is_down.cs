using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Infrastructure;

namespace ElectionPrep.Http;

/// <summary>On a cluster of its own, which it stops and starts again.</summary>
public class Answering_while_the_database_is_down
{
    private static Task<IScenarioResult> OpenProcess(IAlbaHost host) =>
        host.Scenario(s =>
        {
            s.Post.Json(new { termId = "2021-2026", council = "commune-council", jurisdictionCode = "01834" }).ToUrl(Routes.ConsultationProcesses);
            s.WithBearerToken(TestUsers.Chair);
            s.IgnoreStatusCode();
        });

    [Fact]
    public async Task A_command_answers_503_with_Retry_After_during_an_outage_and_is_carried_out_once_the_database_is_back()
    {
        var cluster = await TestDatabase.StartThrowawayClusterAsync();
        var restarted = false;
        try
        {
            await using var host = await ServerHost.StartAsync(
                new Dictionary<string, string> { ["ConnectionStrings:ElectionPrep"] = cluster.ConnectionString }, TimeProvider.System);
            await cluster.StopAsync();

            var down = await OpenProcess(host);

            Assert.Equal((int)HttpStatusCode.ServiceUnavailable, down.Context.Response.StatusCode);
            Assert.Equal("5", down.Context.Response.Headers.RetryAfter.ToString());
            var problem = await down.ThenRefused(DatabaseUnavailableHandler.Title);
            Assert.Contains("database cannot be reached", problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
            Assert.Contains("cơ sở dữ liệu", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

            await TestDatabase.RestartAsync(cluster);
            restarted = true;
            var back = await Eventually.Until(async () => (await OpenProcess(host)).Context.Response.StatusCode,
                status => status != (int)HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
            Assert.Equal((int)HttpStatusCode.Created, back);
        }
        finally
        {
            if (restarted) await TestDatabase.StopRestartedAsync(cluster);
            Directory.Delete(cluster.Root, recursive: true);
        }
    }
}
