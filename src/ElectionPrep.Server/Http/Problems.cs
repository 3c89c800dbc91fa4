using System.Text.Json;
using ElectionPrep.Common;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ElectionPrep.Http;

/// <summary>
/// RFC 7807 problem details, the one way refusals and bad input reach a client. Text a person reads is in
/// Vietnamese (<c>detail</c>, <c>errors</c>) and English (<c>detailEn</c>, <c>errorsEn</c>).
/// </summary>
public static class Problems
{
    public static readonly BilingualText InvalidInput = new("Dữ liệu không hợp lệ", "Invalid input");

    /// <summary>
    /// 409: the command was understood but the current state refuses it. The title is the refusal code; where known,
    /// <c>currentState</c>, <c>failedGate</c> and <c>allowedNow</c> tell the person what to do instead.
    /// </summary>
    public static IResult Refused(Refusal refusal, IReadOnlyDictionary<string, object?>? more = null)
    {
        var extensions = new Dictionary<string, object?>(more ?? new Dictionary<string, object?>());
        if (refusal.CurrentState is not null) extensions["currentState"] = refusal.CurrentState;
        if (refusal.FailedGate is not null) extensions["failedGate"] = refusal.FailedGate;
        if (refusal.AllowedNow is not null) extensions["allowedNow"] = refusal.AllowedNow;
        // Fields a person can fix are named as a validation problem names them, so the page links each to its field.
        if (refusal.Fields is { Count: > 0 } fields)
        {
            extensions["errors"] = ByField(fields, text => text.Vi);
            extensions["errorsEn"] = ByField(fields, text => text.En);
        }
        if (refusal.Items is { } items)
        {
            extensions["items"] = items.Select(item => new RefusedItemProblem(item.Position, item.Label, item.Refusal.Code, item.Refusal.Detail.Vi, item.Refusal.Detail.En)).ToList();
        }
        return Results.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = refusal.Code,
            Detail = refusal.Detail.Vi,
            Extensions = WithEnglish(refusal.Detail.En, extensions),
        });
    }

    /// <summary>403: the user is who they say, but this is outside what their account may do; the title says why.</summary>
    public static IResult Forbidden(string code, BilingualText detail) => WithStatus(StatusCodes.Status403Forbidden, code, detail);

    /// <summary>401: who is asking could not be established (wrong credentials); the title says why.</summary>
    public static IResult Unauthorized(string code, BilingualText detail) => WithStatus(StatusCodes.Status401Unauthorized, code, detail);

    /// <summary>429: too many attempts; the title says which limit, the detail when to try again.</summary>
    public static IResult TooManyRequests(string code, BilingualText detail) => WithStatus(StatusCodes.Status429TooManyRequests, code, detail);

    /// <summary>422: the request is well formed but cannot be processed as sent (e.g. an idempotency key reused); the title says why.</summary>
    public static IResult Unprocessable(string code, BilingualText detail) => WithStatus(StatusCodes.Status422UnprocessableEntity, code, detail);

    /// <summary>400 naming a request header, in the same shape as a field's validation failure.</summary>
    public static IResult InvalidHeader(string header, BilingualText message) =>
        Results.ValidationProblem(
            new Dictionary<string, string[]> { [header] = [message.Vi] },
            title: InvalidInput.ToString(),
            extensions: new Dictionary<string, object?> { ["errorsEn"] = new Dictionary<string, string[]> { [header] = [message.En] } });

    private static IResult WithStatus(int status, string code, BilingualText detail) =>
        Results.Problem(new ProblemDetails
        {
            Status = status,
            Title = code,
            Detail = detail.Vi,
            Extensions = WithEnglish(detail.En),
        });

    public static IResult NotFound(BilingualText detail) =>
        Results.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = "not-found",
            Detail = detail.Vi,
            Extensions = WithEnglish(detail.En),
        });

    /// <summary>400 naming each field (camelCase, as in the request body) with its messages in both languages.</summary>
    public static IResult Invalid(IReadOnlyList<ValidationFailure> vietnamese, IReadOnlyList<ValidationFailure> english) =>
        Results.ValidationProblem(
            ByField(vietnamese),
            title: InvalidInput.ToString(),
            extensions: new Dictionary<string, object?> { ["errorsEn"] = ByField(english) });

    /// <summary>400 for flaws found outside FluentValidation (the request's shape, its query and route values).</summary>
    public static IResult Invalid(IReadOnlyList<FieldFlaw> flaws) =>
        Results.ValidationProblem(
            ByField(flaws, text => text.Vi),
            title: InvalidInput.ToString(),
            extensions: new Dictionary<string, object?> { ["errorsEn"] = ByField(flaws, text => text.En) });

    /// <summary>
    /// A body that is not JSON, or holds a value of the wrong kind (an unknown role, a word for a number), is refused by
    /// the JSON reader before any validator runs. Its problem is rewritten into the same shape as a validator's: the
    /// field, named by its JSON path, and what is wrong with it in both languages.
    /// </summary>
    public static void ExplainUnreadableBody(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status != StatusCodes.Status400BadRequest || problem.Title != "Invalid JSON format") return;

        var path = System.Text.RegularExpressions.Regex.Match(problem.Detail ?? "", @"Path: \$\.?(\S*)").Groups[1].Value;
        var field = path.Length == 0 ? "$" : path;
        problem.Title = InvalidInput.ToString();
        problem.Detail = null;
        problem.Extensions["errors"] = new Dictionary<string, string[]>
        {
            [field] = [path.Length == 0 ? "Nội dung gửi lên không phải JSON hợp lệ." : "Giá trị không đúng kiểu hoặc không thuộc các giá trị cho phép."],
        };
        problem.Extensions["errorsEn"] = new Dictionary<string, string[]>
        {
            [field] = [path.Length == 0 ? "The body is not valid JSON." : "The value is of the wrong kind or not one of the allowed values."],
        };
    }

    private static Dictionary<string, string[]> ByField(IEnumerable<ValidationFailure> failures) =>
        failures
            .GroupBy(failure => FieldName(failure.PropertyName))
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray());

    private static Dictionary<string, string[]> ByField(IEnumerable<FieldFlaw> flaws, Func<BilingualText, string> language) =>
        flaws
            .GroupBy(flaw => FieldName(flaw.Field))
            .ToDictionary(group => group.Key, group => group.Select(flaw => language(flaw.Problem)).Distinct().ToArray());

    private static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    private static Dictionary<string, object?> WithEnglish(string english, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["detailEn"] = english };
        return all;
    }
}

/// <summary>
/// Maps a lost race to 409: two writers appended to the same stream, or two requests started the same stream.
/// Everything else stays a 500 with no detail leaked.
/// </summary>
public sealed class ConcurrencyProblemHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    /// <summary>The exception that says what happened, under Marten's and Wolverine's wrappers.</summary>
    private static Exception Innermost(Exception exception)
    {
        for (var current = exception; ; current = current.InnerException!)
        {
            if (current is JasperFx.ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException
                    or JasperFx.Events.ExistingStreamIdCollisionException or Npgsql.PostgresException || current.InnerException is null)
            {
                return current;
            }
        }
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var detail = Innermost(exception) switch
        {
            Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException => new BilingualText(
                "Bản ghi này vừa được tạo bởi một yêu cầu khác.",
                "This record was just created by another request."),
            JasperFx.ConcurrencyException or Marten.Exceptions.ConcurrentUpdateException
                or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected or Npgsql.PostgresErrorCodes.SerializationFailure }
                or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.LockNotAvailable } => new BilingualText(
                "Dữ liệu đã bị thay đổi bởi người khác; hãy tải lại và thử lại.",
                "The data was changed by someone else; reload and try again."),
            _ => null,
        };
        if (detail is null) return false;

        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "concurrent-change",
                Detail = detail.Vi,
                Extensions = { ["detailEn"] = detail.En },
            },
        });
    }
}

/// <summary>One refused item of a batch in a 409 problem: its place (from 1), what a person calls it, and its own refusal.</summary>
public sealed record RefusedItemProblem(int Position, string Label, string Code, string Detail, string DetailEn);
