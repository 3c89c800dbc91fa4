using System.Net.Http.Json;
using System.Text.Json;
using Alba;

namespace ElectionPrep.Infrastructure;

/// <summary>
/// Then refused: the answer is an RFC 7807 problem whose title is the refusal code. A bare status would pass when
/// another rule refused; the problem is returned for the specs that also check its state, gate or version.
/// </summary>
public static class Refusals
{
    private const string ProblemJson = "application/problem+json";

    public static async Task<JsonElement> ThenRefused(this IScenarioResult result, string code) =>
        Problem(result.Context.Response.ContentType, await result.ReadAsJsonAsync<JsonElement>(), code);

    public static async Task<JsonElement> ThenRefused(this HttpResponseMessage response, string code) =>
        Problem(response.Content.Headers.ContentType?.MediaType, await response.Content.ReadFromJsonAsync<JsonElement>(), code);

    private static JsonElement Problem(string? contentType, JsonElement problem, string code)
    {
        Assert.StartsWith(ProblemJson, contentType, StringComparison.Ordinal);
        Assert.Equal(code, problem.GetProperty("title").GetString());
        return problem;
    }
}
