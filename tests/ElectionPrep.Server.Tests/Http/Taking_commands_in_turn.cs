using System.Text.Json;
using System.Threading.RateLimiting;
using Alba;
using ElectionPrep.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ElectionPrep.Http;

/// <summary>
/// On a host of its own that runs one command at a time and queues none, so a second command's turn is decided at once.
/// The turns are taken from the host's own limiter, as its middleware takes them.
/// </summary>
public class Taking_commands_in_turn : IAsyncLifetime
{
    private IAlbaHost host = null!;

    private RateLimiterOptions Options => host.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value;

    public async Task InitializeAsync() =>
        host = await ServerHost.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:ElectionPrep"] = await TestDatabase.CreateDatabaseAsync("turns"),
            [CommandConcurrency.Setting] = "1",
            [CommandConcurrency.QueueSetting] = "0",
        }, TimeProvider.System);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private DefaultHttpContext Request(string method, string path) =>
        new() { Request = { Method = method, Path = path }, RequestServices = host.Services, Response = { Body = new MemoryStream() } };

    private RateLimitLease Turn(HttpContext request) => Options.GlobalLimiter!.AttemptAcquire(request);

    [Fact]
    public void Given_a_command_holding_the_only_turn_when_another_command_arrives_then_it_gets_no_turn()
    {
        using var holding = Turn(Request("POST", Routes.ConsultationProcesses));

        using var second = Turn(Request("POST", Routes.For(Routes.StepCompletion, "p", "s")));

        Assert.True(holding.IsAcquired);
        Assert.False(second.IsAcquired);
    }

    [Fact]
    public void Given_the_turn_is_given_back_when_a_command_arrives_then_it_takes_it()
    {
        Turn(Request("POST", Routes.ConsultationProcesses)).Dispose();

        using var next = Turn(Request("POST", Routes.ConsultationProcesses));

        Assert.True(next.IsAcquired);
    }

    [Fact]
    public void Given_a_command_holding_the_only_turn_when_a_read_or_a_page_arrives_then_it_is_not_held()
    {
        using var holding = Turn(Request("POST", Routes.ConsultationProcesses));

        using var read = Turn(Request("GET", Routes.ConsultationProcesses));
        using var page = Turn(Request("POST", Routes.SignIn));

        Assert.True(read.IsAcquired);
        Assert.True(page.IsAcquired);
    }

    [Fact]
    public async Task Given_a_command_turned_away_then_it_is_answered_503_with_Retry_After_and_a_sentence_in_both_languages()
    {
        var refused = Request("POST", Routes.ConsultationProcesses);
        using var lease = Turn(refused);

        await Options.OnRejected!(new OnRejectedContext { HttpContext = refused, Lease = lease }, CancellationToken.None);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, refused.Response.StatusCode);
        Assert.Equal("5", refused.Response.Headers.RetryAfter.ToString());
        refused.Response.Body.Position = 0;
        var problem = (await JsonDocument.ParseAsync(refused.Response.Body)).RootElement;
        Assert.Equal("server-busy", problem.GetProperty("title").GetString());
        Assert.Contains("Hãy gửi lại", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("send it again", problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
    }
}
