using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ElectionPrep.Health;

/// <summary>GET /health as JSON: the overall status and each check with its description.</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        });
}
