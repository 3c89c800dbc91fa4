using System.Net;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.Accounts;

public class Signing_in(AppFixture fixture) : IntegrationContext(fixture)
{
    private HttpClient Browser() => Host.Server.CreateClient();

    private static bool StartsASession(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(cookie => cookie.StartsWith(".AspNetCore.Cookies=", StringComparison.Ordinal));

    private async Task CreateClerk() =>
        await Host.Services.GetRequiredService<Accounts>().CreateAsync("thu.ky.xa", "mat-khau-du-dai-123", [ActorRole.Clerk], "CouncilStandingBody", "01834", CancellationToken.None);

    private async Task<HttpResponseMessage> SignInClerkWithAnOpenProcess(PageSession browser)
    {
        await CreateClerk();
        await new ProcessDriver(Host).Open("commune-council", "01834");
        return await browser.PostSignInFormAsync("thu.ky.xa", "mat-khau-du-dai-123");
    }

    [Fact]
    public async Task A_clerk_signing_in_gets_a_strict_http_only_session_cookie()
    {
        using var browser = PageSession.Open(Host);

        var signedIn = await SignInClerkWithAnOpenProcess(browser);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith(".AspNetCore.Cookies=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_signed_in_clerk_sees_the_dashboard_of_the_open_steps()
    {
        using var browser = PageSession.Open(Host);
        await SignInClerkWithAnOpenProcess(browser);

        var page = await (await browser.GetAsync(Routes.Dashboard)).Content.ReadAsStringAsync();

        Assert.Contains("Xin chào, thu.ky.xa", page, StringComparison.Ordinal);
        Assert.Contains("Cán bộ nghiệp vụ", page, StringComparison.Ordinal);
        Assert.Contains("<td>Thường trực HĐND dự kiến cơ cấu, thành phần, số lượng và phân bổ người được giới thiệu ứng cử</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>23:59 07/02/2021</td>", page, StringComparison.Ordinal);
        Assert.Contains(">HĐND cấp xã — Phường Nguyễn Thị Minh Khai</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_forbids_being_sniffed_or_framed()
    {
        using var browser = PageSession.Open(Host);
        await SignInClerkWithAnOpenProcess(browser);

        var response = await browser.GetAsync(Routes.Dashboard);

        Assert.Equal(("nosniff", "DENY"), (response.Headers.GetValues("X-Content-Type-Options").Single(), response.Headers.GetValues("X-Frame-Options").Single()));
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_told_without_starting_a_session()
    {
        await CreateClerk();
        using var browser = PageSession.Open(Host);

        var refused = await browser.PostSignInFormAsync("thu.ky.xa", "sai");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(StartsASession(refused));
    }

    [Fact]
    public async Task A_page_without_a_session_redirects_to_signing_in()
    {
        using var client = Browser();

        var page = await client.GetAsync(new Uri(Routes.Dashboard, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith(Routes.SignIn, page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_without_a_session_answers_401_instead_of_redirecting()
    {
        using var client = Browser();

        var api = await client.PostAsync(new Uri(Routes.ConsultationProcesses, UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        await CreateClerk();
        using var client = Browser();

        var forged = await client.PostAsync(new Uri(Routes.SignIn, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "thu.ky.xa", ["Password"] = "mat-khau-du-dai-123" }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(StartsASession(forged));
    }
}

public class Starting_for_the_first_time
{
    [Fact]
    public async Task The_first_run_prints_its_administrators_one_time_password_only_once()
    {
        var folder = TestDatabase.TemporaryFolder();
        var environment = new Dictionary<string, string> { ["EmbeddedDatabase__DataDirectory"] = folder };
        try
        {
            string password;
            await using (var first = ServerProcess.Start(environment))
            {
                using var client = await first.WaitUntilHealthyAsync();
                password = first.OneTimePassword;
                Assert.NotEmpty(password);
                Assert.Equal(0, await first.StopAsync());
            }

            await using var second = ServerProcess.Start(environment);
            using (await second.WaitUntilHealthyAsync())
            {
                Assert.DoesNotContain("one-time password", second.Output, StringComparison.Ordinal);
                Assert.DoesNotContain(password, second.Output, StringComparison.Ordinal);
            }

            Assert.Equal(0, await second.StopAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
