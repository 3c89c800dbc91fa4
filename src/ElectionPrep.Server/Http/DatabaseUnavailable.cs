using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace ElectionPrep.Http;

/// <summary>
/// 503 with <c>Retry-After</c> while PostgreSQL cannot be reached, as the health check says: the request was not
/// carried out and may be sent again. Npgsql reconnects by itself once the database is back.
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public const string Title = "database-unavailable";

    /// <summary>Seconds a client should wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// Whether the database could not be reached or did not answer in time, as opposed to refusing a statement: a
    /// <see cref="PostgresException"/> is an answer, unless it says the server is shutting down or not accepting connections.
    /// </summary>
    public static bool IsOutage(Exception exception) => Causes(exception).Any(cause => cause switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections,
        NpgsqlException or SocketException or TimeoutException => true,
        _ => false,
    });

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate) foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            else if (current.InnerException is { } inner) pending.Push(inner);
        }
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsOutage(exception)) return false;

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = Title,
                Detail = $"Không kết nối được cơ sở dữ liệu; yêu cầu chưa được thực hiện. Hãy thử lại sau {RetryAfterSeconds} giây.",
                Extensions = { ["detailEn"] = $"The database cannot be reached; the request was not carried out. Try again in {RetryAfterSeconds} seconds." },
            },
        });
    }
}
