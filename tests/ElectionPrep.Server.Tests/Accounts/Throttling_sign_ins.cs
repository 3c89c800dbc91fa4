using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.Accounts;

/// <summary>A server of its own (the throttle remembers across tests): 3 failures per account name, many per address.</summary>
public sealed class ThrottledServer : IAsyncLifetime
{
    public const string Password = "mat-khau-du-dai-123";

    public IAlbaHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await ServerHost.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:ElectionPrep"] = await TestDatabase.CreateDatabaseAsync("throttle"),
            ["Accounts:SignInFailuresPerAccount"] = "3",
            ["Accounts:SignInFailuresPerAddress"] = "1000",
        }, TimeProvider.System);

    public async Task CreateClerk(string name) =>
        await Host.Services.GetRequiredService<Accounts>().CreateAsync(name, Password, [ActorRole.Clerk], null, null, CancellationToken.None);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>Each test uses names of its own: the counts of one would otherwise carry into the next.</summary>
public class Throttling_sign_ins(ThrottledServer server) : IClassFixture<ThrottledServer>
{
    private async Task GuessWrongThreeTimes(string name)
    {
        using var guesser = PageSession.Open(server.Host);
        for (var attempt = 0; attempt < 3; attempt++) Assert.Equal(HttpStatusCode.OK, (await guesser.PostSignInFormAsync(name, "sai-mat-khau")).StatusCode);
    }

    [Fact]
    public async Task A_guesser_hammering_one_account_is_stopped_there_with_429_saying_when_to_try_again()
    {
        await server.CreateClerk("thu.ky.a");
        await GuessWrongThreeTimes("thu.ky.a");
        using var guesser = PageSession.Open(server.Host);

        var stopped = await guesser.PostSignInFormAsync("thu.ky.a", ThrottledServer.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, stopped.StatusCode);
        Assert.InRange(stopped.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Assert.Contains("Đăng nhập sai quá nhiều lần; hãy thử lại sau 5 phút.", await stopped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_account_still_signs_in_from_the_guessers_address()
    {
        await server.CreateClerk("thu.ky.b");
        await server.CreateClerk("thu.ky.c");
        await GuessWrongThreeTimes("thu.ky.b");
        using var colleague = PageSession.Open(server.Host);

        var signedIn = await colleague.PostSignInFormAsync("thu.ky.c", ThrottledServer.Password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Successful_sign_ins_do_not_count()
    {
        await server.CreateClerk("thu.ky.d");

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var browser = PageSession.Open(server.Host);
            statuses.Add((await browser.PostSignInFormAsync("thu.ky.d", ThrottledServer.Password)).StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Redirect, status));
    }

    [Fact]
    public async Task Token_requests_are_throttled_alike_with_problem_details()
    {
        await server.CreateClerk("thu.ky.e");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await server.Host.Scenario(s =>
            {
                s.Post.Json(new { name = "thu.ky.e", password = "sai-mat-khau" }).ToUrl(Routes.Tokens);
                s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
            });
        }

        var stopped = await server.Host.Scenario(s =>
        {
            s.Post.Json(new { name = "thu.ky.e", password = ThrottledServer.Password }).ToUrl(Routes.Tokens);
            s.StatusCodeShouldBe(HttpStatusCode.TooManyRequests);
        });

        var problem = await stopped.ThenRefused(SignInThrottle.Code);
        Assert.Equal("Too many failed sign-ins; try again in 5 minutes.", problem.GetProperty("detailEn").GetString());
        Assert.False(string.IsNullOrEmpty(stopped.Context.Response.Headers.RetryAfter));
    }
}

public class Throttling_an_address
{
    [Fact]
    public async Task Failures_spread_over_many_account_names_stop_that_address()
    {
        await using var host = await ServerHost.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:ElectionPrep"] = await TestDatabase.CreateDatabaseAsync("throttleaddress"),
            ["Accounts:SignInFailuresPerAccount"] = "100",
            ["Accounts:SignInFailuresPerAddress"] = "4",
        }, TimeProvider.System);
        await host.Services.GetRequiredService<Accounts>().CreateAsync("thu.ky", ThrottledServer.Password, [ActorRole.Clerk], null, null, CancellationToken.None);
        using var sprayer = PageSession.Open(host);
        for (var name = 1; name <= 4; name++) Assert.Equal(HttpStatusCode.OK, (await sprayer.PostSignInFormAsync($"khong.co.{name}", "sai-mat-khau")).StatusCode);

        var stopped = await sprayer.PostSignInFormAsync("thu.ky", ThrottledServer.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, stopped.StatusCode);
    }
}
