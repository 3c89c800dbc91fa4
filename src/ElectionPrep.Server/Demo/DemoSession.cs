using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ElectionPrep.Http;

namespace ElectionPrep.Demo;

/// <summary>
/// A person signed in to the server over HTTP, as a browser is: the sign-in form, then the session cookie and the
/// page's antiforgery token on every API call. The demo acts through it so that validation, the rules and the audit
/// trail's "who" are the real ones.
/// </summary>
public sealed partial class DemoSession : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly HttpClient client;

    private DemoSession(HttpClient client, string name)
    {
        this.client = client;
        Name = name;
    }

    public string Name { get; }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>Signs in through the /sign-in page; fails with the page's address when the account or password is wrong.</summary>
    public static async Task<DemoSession> SignInAsync(Uri server, string name, string password, CancellationToken cancellation)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server };
        try
        {
            var form = await client.GetStringAsync(new Uri(Routes.SignIn, UriKind.Relative), cancellation);
            using var fields = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Name"] = name,
                ["Password"] = password,
                ["__RequestVerificationToken"] = TokenIn(form),
            });
            // Success redirects to the dashboard, whose layout carries the token for API calls made with this session.
            using var signedIn = await client.PostAsync(new Uri(Routes.SignIn, UriKind.Relative), fields, cancellation);
            if (!signedIn.IsSuccessStatusCode || signedIn.RequestMessage?.RequestUri?.AbsolutePath != Routes.Dashboard)
            {
                throw new InvalidOperationException($"The demo account '{name}' could not sign in ({(int)signedIn.StatusCode} at {signedIn.RequestMessage?.RequestUri}).");
            }

            client.DefaultRequestHeaders.Add(ApiAntiforgery.HeaderName, TokenIn(await signedIn.Content.ReadAsStringAsync(cancellation)));
            return new DemoSession(client, name);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Posts JSON; anything but a 2xx stops the demo with the server's problem details.</summary>
    public async Task<JsonElement> PostAsync(string path, object body, CancellationToken cancellation)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Json, cancellation);
        return await ReadAsync(response, "POST", path, cancellation);
    }

    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellation)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellation);
        return await ReadAsync(response, "GET", path, cancellation);
    }

    public void Dispose() => client.Dispose();

    private async Task<JsonElement> ReadAsync(HttpResponseMessage response, string method, string path, CancellationToken cancellation)
    {
        var text = await response.Content.ReadAsStringAsync(cancellation);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path} as {Name}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }

    private static string TokenIn(string html) =>
        AntiforgeryToken().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value)
            : throw new InvalidOperationException("The page carries no antiforgery token.");
}
