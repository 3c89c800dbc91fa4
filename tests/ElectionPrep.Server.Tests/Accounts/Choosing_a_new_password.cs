using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.Accounts;

/// <summary>The first administrator's one-time password signs in once, and that session can only choose a new password.</summary>
public class Choosing_a_new_password(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string NewPassword = "mat-khau-moi-du-dai-456";

    /// <summary>The first run on the emptied database: the administrator and the one-time password it prints.</summary>
    private async Task<string> FirstRun() => (await Host.Services.GetRequiredService<Accounts>().EnsureAdministratorAsync(CancellationToken.None))!;

    private static async Task<JsonElement> Problem(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static Task<HttpResponseMessage> Change(PageSession session, string current, string chosen) =>
        session.PostAsync(Routes.OwnPasswordPage, Routes.OwnPassword, new { currentPassword = current, newPassword = chosen });

    [Fact]
    public async Task The_one_time_password_signs_in_once_only()
    {
        var password = await FirstRun();
        using var first = PageSession.Open(Host);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostSignInFormAsync(Account.Administrator, password)).StatusCode);
        using var second = PageSession.Open(Host);

        var again = await second.PostSignInFormAsync(Account.Administrator, password);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Until_a_new_password_is_chosen_every_page_leads_to_the_password_page()
    {
        using var admin = await PageSession.SignInAsync(Host, Account.Administrator, await FirstRun());

        var page = await admin.GetAsync(Routes.AccountsPage);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(Routes.OwnPasswordPage, page.Headers.Location?.OriginalString);
        Assert.Contains("Mật khẩu dùng một lần chỉ dùng để đăng nhập lần đầu", await admin.PageAsync(Routes.OwnPasswordPage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Until_a_new_password_is_chosen_the_api_answers_403_password_change_required()
    {
        using var admin = await PageSession.SignInAsync(Host, Account.Administrator, await FirstRun());

        var refused = await admin.PostAsync(Routes.OwnPasswordPage, Routes.Accounts,
            new { name = "thu.ky.01834", password = "mat-khau-du-dai-123", roles = new[] { "Clerk" } });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await refused.ThenRefused(PasswordChange.Required);
        await using var session = Store.QuerySession();
        Assert.Null(await session.LoadAsync<Account>("thu.ky.01834"));
    }

    [Fact]
    public async Task A_token_got_with_the_one_time_password_answers_403_password_change_required()
    {
        var password = await FirstRun();
        var issued = await Host.Scenario(s => s.Post.Json(new { name = Account.Administrator, password }).ToUrl(Routes.Tokens));
        var token = (await issued.ReadAsJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;

        var refused = await Host.Scenario(s =>
        {
            s.Get.Url(Routes.Accounts);
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });

        await refused.ThenRefused(PasswordChange.Required);
    }

    [Fact]
    public async Task Choosing_a_new_password_keeps_the_person_signed_in_in_a_fresh_session()
    {
        var password = await FirstRun();
        using var admin = await PageSession.SignInAsync(Host, Account.Administrator, password);
        var oneTimeSession = admin.CookieHeader;

        var changed = await Change(admin, password, NewPassword);

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Contains("Quản lý tài khoản", await admin.PageAsync(Routes.AccountsPage), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PageSession.ReplayAsync(Host, oneTimeSession, Routes.Accounts)).StatusCode);
        using var again = await PageSession.SignInAsync(Host, Account.Administrator, NewPassword);
        await using var session = Store.QuerySession();
        Assert.Contains(await session.Events.FetchStreamAsync(Accounts.StreamFor(Account.Administrator)), e => e.Data is AccountPasswordChanged);
    }

    [Fact]
    public async Task A_new_password_shorter_than_the_rule_is_refused_leaving_the_change_required()
    {
        var password = await FirstRun();
        using var admin = await PageSession.SignInAsync(Host, Account.Administrator, password);

        var refused = await Change(admin, password, "ngan");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await Problem(refused)).GetProperty("errorsEn").TryGetProperty("newPassword", out _));
        Assert.Equal(Routes.OwnPasswordPage, (await admin.GetAsync(Routes.Dashboard)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing()
    {
        using var admin = await PageSession.SignInAsync(Host, Account.Administrator, await FirstRun());

        var refused = await Change(admin, "sai-mat-khau-hien-tai", NewPassword);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await refused.ThenRefused(PasswordChange.WrongPassword);
        Assert.Equal(Routes.OwnPasswordPage, (await admin.GetAsync(Routes.Dashboard)).Headers.Location?.OriginalString);
    }
}
