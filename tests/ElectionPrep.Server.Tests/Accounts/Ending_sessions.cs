using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.Accounts;

/// <summary>Sessions and tokens end on the server: a copied cookie or token stops working when the session or the account's stamp changes.</summary>
public class Ending_sessions(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Name = "thu.ky.01834";
    private const string Password = "mat-khau-du-dai-123";
    private const string Inbox = Routes.Inbox + "?body=FrontStandingBoard&jurisdiction=01834";

    private async Task CreateClerk() =>
        await Host.Services.GetRequiredService<Accounts>().CreateAsync(Name, Password, [ActorRole.Clerk], "FrontStandingBoard", "01834", CancellationToken.None);

    private async Task ResetPassword() =>
        await new ProcessDriver(Host).Post(Routes.For(Routes.AccountPassword, Name), new { password = "mat-khau-moi-du-dai-456" }, TestUsers.Administrator, HttpStatusCode.NoContent);

    private static void AssertSentToSignIn(HttpResponseMessage page)
    {
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith(Routes.SignIn, page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_refused()
    {
        await CreateClerk();
        using var clerk = await PageSession.SignInAsync(Host, Name, Password);
        var copied = clerk.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await PageSession.ReplayAsync(Host, copied, Inbox)).StatusCode);

        var signedOut = await clerk.SignOutAsync();

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PageSession.ReplayAsync(Host, copied, Inbox)).StatusCode);
        AssertSentToSignIn(await PageSession.ReplayAsync(Host, copied, Routes.Dashboard));
    }

    [Fact]
    public async Task A_password_reset_ends_the_accounts_sessions_at_once()
    {
        await CreateClerk();
        using var clerk = await PageSession.SignInAsync(Host, Name, Password);
        var copied = clerk.CookieHeader;

        await ResetPassword();

        Assert.Equal(HttpStatusCode.Unauthorized, (await PageSession.ReplayAsync(Host, copied, Inbox)).StatusCode);
        AssertSentToSignIn(await clerk.GetAsync(Routes.Dashboard));
        await using var session = Store.QuerySession();
        Assert.False(await session.Query<SignInSession>().AnyAsync(signIn => signIn.Account == Name));
    }

    [Fact]
    public async Task A_password_reset_revokes_the_accounts_bearer_tokens_at_once()
    {
        await CreateClerk();
        var issued = await Host.Scenario(s => s.Post.Json(new { name = Name, password = Password }).ToUrl(Routes.Tokens));
        var token = (await issued.ReadAsJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        await Host.Scenario(s =>
        {
            s.Get.Url(Inbox);
            s.WithBearerToken(token);
        });

        await ResetPassword();

        await Host.Scenario(s =>
        {
            s.Get.Url(Inbox);
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
    }

    [Fact]
    public async Task A_session_of_an_account_whose_stamp_changed_is_ended_at_its_next_request()
    {
        await CreateClerk();
        using var clerk = await PageSession.SignInAsync(Host, Name, Password);

        // As a change of roles, body or jurisdiction does: a new stamp, the sessions left in place.
        await using (var session = Store.LightweightSession())
        {
            var account = (await session.LoadAsync<Account>(Name))!;
            session.Update(account.WithNewStamp());
            await session.SaveChangesAsync();
        }

        AssertSentToSignIn(await clerk.GetAsync(Routes.Dashboard));
        await using var query = Store.QuerySession();
        Assert.False(await query.Query<SignInSession>().AnyAsync(signIn => signIn.Account == Name));
    }

    [Fact]
    public async Task An_account_stored_before_security_stamps_existed_still_signs_in_to_its_dashboard()
    {
        await CreateClerk();
        await using (var session = Store.LightweightSession())
        {
            var account = (await session.LoadAsync<Account>(Name))!;
            session.Update(account with { SecurityStamp = "" });
            await session.SaveChangesAsync();
        }

        using var clerk = await PageSession.SignInAsync(Host, Name, Password);

        Assert.Contains("Xin chào, thu.ky.01834", await clerk.PageAsync(Routes.Dashboard), StringComparison.Ordinal);
    }
}
