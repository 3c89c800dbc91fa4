using Alba;
using Microsoft.AspNetCore.Http;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;

namespace ElectionPrep.Idempotency;

public class Keeping_keys_across_a_restart
{
    private const string WardProcessId = "2021-2026.commune-council.01834";

    private static Task<IScenarioResult> OpenWard(IAlbaHost host) =>
        host.Scenario(s =>
        {
            s.Post.Json(new { termId = "2021-2026", council = "commune-council", jurisdictionCode = "01834" }).ToUrl(Routes.ConsultationProcesses);
            s.WithBearerToken(TestUsers.Chair);
            s.WithRequestHeader(IdempotencyKeys.HeaderName, "before-the-restart");
            s.StatusCodeShouldBe(StatusCodes.Status201Created);
        });

    [Fact]
    public async Task A_retry_after_a_restart_replays_the_first_answer_without_recording_again()
    {
        var settings = new Dictionary<string, string> { ["ConnectionStrings:ElectionPrep"] = await TestDatabase.CreateDatabaseAsync("idempotency") };
        var clock = new TestClock(AppFixture.Start);
        string first;
        await using (var before = await ServerHost.StartAsync(settings, clock))
        {
            first = await (await OpenWard(before)).ReadAsTextAsync();
        }

        await using var after = await ServerHost.StartAsync(settings, clock);
        var retry = await OpenWard(after);

        Assert.Equal(first, await retry.ReadAsTextAsync());
        Assert.True(retry.Context.Response.Headers.ContainsKey(IdempotencyKeys.ReplayedHeader));
        Assert.Equal(1, await Events.CountAsync(after, WardProcessId, nameof(ConsultationProcessOpened)));
    }
}
