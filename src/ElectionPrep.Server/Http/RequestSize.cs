using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ElectionPrep.Http;

/// <summary>
/// The largest body the server reads (Http:MaxRequestBodyBytes, 1 MiB by default): Kestrel stops reading past it,
/// and a declared length over it is refused before anything reads the body. Either way the answer is a 413 problem.
/// </summary>
public static class RequestSize
{
    public const string Setting = "Http:MaxRequestBodyBytes";

    public const long DefaultMaximum = 1024 * 1024;

    public const string Title = "request-too-large";

    public static long Maximum(IConfiguration configuration) => configuration.GetValue(Setting, DefaultMaximum);

    public static WebApplicationBuilder LimitRequestBodies(this WebApplicationBuilder builder)
    {
        var maximum = Maximum(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maximum);
        builder.Services.AddExceptionHandler<TooLargeHandler>();
        return builder;
    }

    /// <summary>Refuses a declared length over the limit; hosts without Kestrel's limit (the test server) are held to it too.</summary>
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app)
    {
        var maximum = Maximum(app.ApplicationServices.GetRequiredService<IConfiguration>());
        return app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > maximum)
            {
                await TooLarge(maximum).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }

    private static IResult TooLarge(long maximum) =>
        Results.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = Title,
            Detail = $"Nội dung gửi lên quá lớn (tối đa {maximum} byte).",
            Extensions = { ["detailEn"] = $"The request body is too large ({maximum} bytes at most)." },
        });

    /// <summary>A body without a declared length that runs past the limit: Kestrel throws while it is read.</summary>
    private sealed class TooLargeHandler(IConfiguration configuration) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }) return false;
            await TooLarge(Maximum(configuration)).ExecuteAsync(httpContext);
            return true;
        }
    }
}
