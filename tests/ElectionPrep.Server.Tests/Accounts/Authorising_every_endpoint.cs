using System.Net;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.Accounts;

public class Authorising_every_endpoint(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>What anyone may read: the server's health, the sign-in page, the API's description, published lists and the audit log's proofs.</summary>
    private static readonly HashSet<string> Public =
    [
        Routes.Health, "/sign-in", ElectionPrep.Pages.LanguageSwitch.Route, Routes.Tokens, Routes.OpenApiDocument, Routes.ApiReference,         Routes.OfficialListCsv, Routes.OfficialListJson,
        Routes.AuditPublicKey, Routes.AuditCheckpoints, Routes.AuditLatestCheckpoint, Routes.AuditInclusionProof, Routes.AuditConsistencyProof,
    ];

    [Fact]
    public async Task Every_endpoint_but_the_public_ones_refuses_an_anonymous_caller()
    {
        var endpoints = Host.Services.GetServices<EndpointDataSource>().SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Select(endpoint => (Route: "/" + endpoint.RoutePattern.RawText!.TrimStart('/'), Methods: endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(endpoint => !endpoint.Route.Contains("{**", StringComparison.Ordinal))
            .SelectMany(endpoint => endpoint.Methods.Select(method => (endpoint.Route, Method: method)))
            .Distinct()
            .ToList();
        Assert.True(endpoints.Count > 40, $"only {endpoints.Count} endpoints found");

        var wrong = new List<string>();
        foreach (var (route, method) in endpoints)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(route, "{[^}]+}", "x");
            var result = await Host.Scenario(s =>
            {
                if (method == "POST") s.Post.Json(new { }).ToUrl(url);
                else s.Get.Url(url);
                s.IgnoreStatusCode();
            });
            var status = (HttpStatusCode)result.Context.Response.StatusCode;
            var refused = status == HttpStatusCode.Unauthorized
                || (status == HttpStatusCode.Redirect && new Uri(new Uri("http://localhost"), result.Context.Response.Headers.Location.ToString()).AbsolutePath == "/sign-in");
            var shouldRefuse = !Public.Contains(route) && !route.StartsWith("/scalar/", StringComparison.Ordinal);
            if (refused != shouldRefuse) wrong.Add($"{method} {route}: {(int)status}");
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
