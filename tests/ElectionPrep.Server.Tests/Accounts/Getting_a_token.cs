using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.Accounts;

public class Getting_a_token(AppFixture fixture) : IntegrationContext(fixture)
{
    private ProcessDriver Driver => new(Host);

    private async Task<IScenarioResult> RequestToken(string name, string password, HttpStatusCode expected) =>
        await Host.Scenario(s =>
        {
            s.Post.Json(new { name, password }).ToUrl(Routes.Tokens);
            s.StatusCodeShouldBe(expected);
        });

    [Fact]
    public async Task A_local_account_gets_a_bearer_token_that_acts_as_the_account_within_its_jurisdiction()
    {
        await Host.Services.GetRequiredService<Accounts>().CreateAsync("thu.ky.01834", "mat-khau-du-dai-123", [ActorRole.Clerk], "CouncilStandingBody", "01834", CancellationToken.None);
        var own = await Driver.Open("commune-council", "01834");
        var other = await Driver.Open("commune-council", "01837");

        var issued = await (await RequestToken("thu.ky.01834", "mat-khau-du-dai-123", HttpStatusCode.OK)).ReadAsJsonAsync<JsonElement>();
        var token = issued.GetProperty("accessToken").GetString()!;
        Assert.Equal("Bearer", issued.GetProperty("tokenType").GetString());

        await Driver.Complete(own, "structure-projected", token);
        await Driver.Complete(other, "structure-projected", token, HttpStatusCode.Forbidden);
        await using var session = Store.QuerySession();
        var completed = (await session.Events.FetchStreamAsync(own)).Single(e => e.Data is ConsultationProcesses.StepCompleted);
        Assert.Equal("thu.ky.01834", completed.UserName);
        Assert.Equal("Clerk", completed.Headers?["actor-roles"]?.ToString());
    }

    [Fact]
    public async Task A_wrong_password_gets_no_token()
    {
        await Host.Services.GetRequiredService<Accounts>().CreateAsync("thu.ky.01834", "mat-khau-du-dai-123", [ActorRole.Clerk], null, null, CancellationToken.None);

        var refused = await (await RequestToken("thu.ky.01834", "sai-mat-khau", HttpStatusCode.Unauthorized)).ThenRefused(TokenEndpoint.SignInFailed);

        Assert.False(refused.TryGetProperty("accessToken", out _));
    }
}

public class Tokens_are_off_unless_configured
{
    [Fact]
    public async Task Without_a_signing_key_a_token_is_refused_naming_the_setting_that_turns_tokens_on()
    {
        await using var host = await ServerHost.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:ElectionPrep"] = await TestDatabase.CreateDatabaseAsync("notokens"),
            [LocalTokens.SigningKeySetting] = "",
        }, TimeProvider.System);
        await host.Services.GetRequiredService<Accounts>().CreateAsync("thu.ky", "mat-khau-du-dai-123", [ActorRole.Clerk], null, null, CancellationToken.None);

        var refused = await host.Scenario(s =>
        {
            s.Post.Json(new { name = "thu.ky", password = "mat-khau-du-dai-123" }).ToUrl(Routes.Tokens);
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });

        Assert.Contains(LocalTokens.SigningKeySetting, (await refused.ReadAsJsonAsync<JsonElement>()).GetProperty("detailEn").GetString(), StringComparison.Ordinal);
    }
}
