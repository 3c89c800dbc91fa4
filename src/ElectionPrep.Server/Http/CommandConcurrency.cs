using System.Threading.RateLimiting;

namespace ElectionPrep.Http;

/// <summary>
/// Commands (POST, PUT, PATCH, DELETE under /api) run at most Http:ConcurrentCommands at a time, eight per processor
/// by default; the others wait their turn in arrival order. A whole country filing at the deadline then waits in order
/// instead of taking every connection of the pool and timing out. A full queue is answered 503 with a Retry-After,
/// never dropped silently: the client's Idempotency-Key makes the retry safe. Reads and pages are not held. A lower
/// limit leaves the audit log's one writer more of the processors, at a cost in throughput (docs/benchmarks/README.md).
/// </summary>
public static class CommandConcurrency
{
    public const string Setting = "Http:ConcurrentCommands";

    public const string QueueSetting = "Http:QueuedCommands";

    public static int Limit(IConfiguration configuration) => configuration.GetValue(Setting, 8 * Environment.ProcessorCount);

    public static IServiceCollection AddCommandConcurrency(this IServiceCollection services, IConfiguration configuration)
    {
        var limit = Limit(configuration);
        var queue = configuration.GetValue(QueueSetting, 10_000);
        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, bool>(context =>
                limit > 0 && IsCommand(context.Request)
                    ? RateLimitPartition.GetConcurrencyLimiter(true, _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = limit,
                        QueueLimit = queue,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })
                    : RateLimitPartition.GetNoLimiter(false));
            options.OnRejected = async (rejected, cancellation) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "5";
                await Results.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "server-busy",
                    Detail = "Máy chủ đang bận; thao tác chưa được ghi nhận. Hãy gửi lại sau vài giây.",
                    Extensions = { ["detailEn"] = "The server is busy; nothing was recorded. Please send it again in a few seconds." },
                }).ExecuteAsync(rejected.HttpContext);
            };
        });
    }

    private static bool IsCommand(HttpRequest request) =>
        !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
        && request.Path.StartsWithSegments(Routes.Api);
}
