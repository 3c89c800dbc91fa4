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

    [Fact]
    public async Task A_clerk_signs_in_to_a_session_and_sees_the_dashboard()
    {
        await CreateClerk();
        await new ProcessDriver(Host).Open("commune-council", "01834");
        using var browser = PageSession.Open(Host);

        var signedIn = await browser.PostSignInFormAsync("thu.ky.xa", "mat-khau-du-dai-123");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = signedIn.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith(".AspNetCore.Cookies=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        var response = await browser.GetAsync(Routes.Dashboard);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Xin chào, thu.ky.xa", page, StringComparison.Ordinal);
        Assert.Equal(("nosniff", "DENY"), (response.Headers.GetValues("X-Content-Type-Options").Single(), response.Headers.GetValues("X-Frame-Options").Single()));
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("Cán bộ nghiệp vụ", page, StringComparison.Ordinal);
        Assert.Contains("<td>Thường trực HĐND dự kiến cơ cấu, thành phần, số lượng và phân bổ người được giới thiệu ứng cử</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>23:59 07/02/2021</td>", page, StringComparison.Ordinal);
        Assert.Contains(">HĐND cấp xã — Phường Nguyễn Thị Minh Khai</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_told_and_starts_no_session()
    {
        await CreateClerk();
        using var browser = PageSession.Open(Host);

        var refused = await browser.PostSignInFormAsync("thu.ky.xa", "sai");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(StartsASession(refused));
    }

    [Fact]
    public async Task Pages_need_a_session_and_the_api_answers_401_instead_of_redirecting()
    {
        using var client = Browser();

        var page = await client.GetAsync(new Uri(Routes.Dashboard, UriKind.Relative));
        var api = await client.PostAsync(new Uri(Routes.ConsultationProcesses, UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith(Routes.SignIn, page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
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
    public async Task The_first_run_creates_an_administrator_and_prints_its_one_time_password_once()
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
