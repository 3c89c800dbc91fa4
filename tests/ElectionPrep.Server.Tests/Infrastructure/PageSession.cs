using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Alba;
using ElectionPrep.Http;

namespace ElectionPrep.Infrastructure;

/// <summary>
/// A person at the pages: signed in through the sign-in form (its antiforgery field and cookie), reading pages with the
/// session cookie and posting JSON to the API as the pages' form script does, with the page's antiforgery token.
/// </summary>
public sealed partial class PageSession : IDisposable
{
    private readonly HttpClient client;
    private readonly CookieContainer cookies = new();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryMeta();

    private PageSession(IAlbaHost host)
    {
        client = new HttpClient(new CookieHandler(cookies) { InnerHandler = host.Server.CreateHandler() }) { BaseAddress = new Uri("http://localhost") };
    }

    /// <summary>A browser not signed in yet.</summary>
    public static PageSession Open(IAlbaHost host) => new(host);

    public static async Task<PageSession> SignInAsync(IAlbaHost host, string name, string password)
    {
        var session = Open(host);
        var signedIn = await session.PostSignInFormAsync(name, password);
        return signedIn.StatusCode == HttpStatusCode.Redirect ? session : throw new InvalidOperationException($"{name} could not sign in: {signedIn.StatusCode}");
    }

    /// <summary>Posts the sign-in form as a browser does: the page's antiforgery field and cookie, then the credentials.</summary>
    public async Task<HttpResponseMessage> PostSignInFormAsync(string name, string password)
    {
        var page = await client.GetStringAsync(new Uri(Routes.SignIn, UriKind.Relative));
        return await client.PostAsync(new Uri(Routes.SignIn, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = name, ["Password"] = password, ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        }));
    }

    /// <summary>Posts the header's sign-out form, with the antiforgery field of <paramref name="pageUrl"/>.</summary>
    public async Task<HttpResponseMessage> SignOutAsync(string pageUrl = Routes.Dashboard)
    {
        var page = await PageAsync(pageUrl);
        return await client.PostAsync(new Uri(Routes.SignOut, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        }));
    }

    /// <summary>The Cookie header this browser sends now, as an attacker who copied it would replay it.</summary>
    public string CookieHeader => cookies.GetCookieHeader(client.BaseAddress!);

    /// <summary>A GET with a copied Cookie header from a client of its own, whatever this browser holds by then.</summary>
    public static async Task<HttpResponseMessage> ReplayAsync(IAlbaHost host, string cookieHeader, string url)
    {
        using var client = host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookieHeader);
        return await client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => client.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>The page's HTML; anything but 200 fails.</summary>
    public async Task<string> PageAsync(string url)
    {
        var response = await GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK ? html : throw new Xunit.Sdk.XunitException($"GET {url}: {response.StatusCode}\n{html}");
    }

    /// <summary>Posts as a page's form does: JSON, the session cookie and the antiforgery token of the page it came from.</summary>
    public async Task<HttpResponseMessage> PostAsync(string pageUrl, string apiUrl, object body, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, apiUrl) { Content = JsonContent.Create(body) };
        if (withToken) request.Headers.Add("RequestVerificationToken", AntiforgeryMeta().Match(await PageAsync(pageUrl)).Groups[1].Value);
        return await client.SendAsync(request);
    }

    public void Dispose() => client.Dispose();

    /// <summary>Keeps cookies across requests as a browser does (the test server's handler does not).</summary>
    private sealed class CookieHandler(CookieContainer jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (jar.GetCookieHeader(request.RequestUri!) is { Length: > 0 } header) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set)) foreach (var cookie in set) jar.SetCookies(request.RequestUri!, cookie);
            return response;
        }
    }
}
