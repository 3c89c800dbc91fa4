using System.Security.Cryptography;
using System.Text;
using ElectionPrep.Common;
using Marten;

namespace ElectionPrep.Http;

/// <summary>
/// The first answer to a command sent with an Idempotency-Key, stored in the same transaction as the events the command
/// appended, so a retry either finds both or neither. <see cref="Id"/> hashes the caller and the key; <see cref="RequestHash"/>
/// hashes the method, path and body, so the key cannot be reused for another command.
/// </summary>
public sealed record IdempotentRequest(string Id, string RequestHash, int Status, string? ContentType, string? Location, string Body, DateTimeOffset RecordedAt);

/// <summary>A keyed request on its way through an endpoint: what its answer will be stored under.</summary>
public sealed record IdempotencyKeyInFlight(string Id, string RequestHash, DateTimeOffset ReceivedAt);

/// <summary>A POST that records nothing, so a retry is harmless and the Idempotency-Key header is ignored; say why at the endpoint.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RecordsNothingAttribute(string why) : Attribute
{
    public string Why { get; } = why;
}

/// <summary>Marks the endpoints whose answers <see cref="IdempotencyKeys"/> stores and replays (set by <see cref="IdempotencyPolicy"/>).</summary>
public sealed class HonoursIdempotencyKey;

/// <summary>
/// The Idempotency-Key header (draft-ietf-httpapi-idempotency-key-header): a retried command gets its first answer
/// (status, body, Location, content type) and records nothing more; the same key on another command is a 422. Keys are
/// the caller's own: one user cannot replay another's answer. Answers expire after Idempotency:KeyLifetime (24 h).
/// </summary>
public sealed class IdempotencyKeys(RequestDelegate next, IDocumentStore store, TimeProvider clock, IConfiguration configuration)
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Set on an answer replayed from storage, so a client (and a test) can tell it from a fresh one.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const string KeyReused = "idempotency-key-reused";

    private const int MaximumKeyLength = 200;

    private readonly TimeSpan lifetime = Lifetime(configuration);

    public static TimeSpan Lifetime(IConfiguration configuration) => configuration.GetValue("Idempotency:KeyLifetime", TimeSpan.FromHours(24));

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (context.GetEndpoint()?.Metadata.GetMetadata<HonoursIdempotencyKey>() is null || !request.Headers.TryGetValue(HeaderName, out var values))
        {
            await next(context);
            return;
        }

        if (values.Count != 1 || KeyOf(values.ToString()) is not { } key)
        {
            await Problems.InvalidHeader(HeaderName, new BilingualText(
                $"Khóa {HeaderName} phải có từ 1 đến {MaximumKeyLength} ký tự, không chứa ký tự điều khiển, và chỉ gửi một lần.",
                $"The {HeaderName} must be 1 to {MaximumKeyLength} characters with no control characters, sent once.")).ExecuteAsync(context);
            return;
        }

        request.EnableBuffering();
        var inFlight = new IdempotencyKeyInFlight(IdFor(Actors.Of(context.User), key), await HashAsync(request), clock.GetUtcNow());
        request.Body.Position = 0;
        if (await AnswerFromStoreAsync(context, inFlight)) return;

        context.Features.Set(inFlight);
        try
        {
            await next(context);
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            // A retry with the same key raced this one and committed first (this one's events or key collided): its answer stands.
            if (!await AnswerFromStoreAsync(context, inFlight)) throw;
        }
    }

    /// <summary>The key without the quotes of the draft's structured-field string, or null when malformed.</summary>
    private static string? KeyOf(string value)
    {
        var key = value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
        return key.Length is > 0 and <= MaximumKeyLength && !key.Any(char.IsControl) ? key : null;
    }

    private static async Task<string> HashAsync(HttpRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.PathBase}{request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0) hash.AppendData(buffer, 0, read);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The caller and their key; a key holds no control character, so the two never run together ambiguously.</summary>
    private static string IdFor(string caller, string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{caller}\n{key}")));

    /// <summary>Answers from the stored record when there is a live one: its answer for the same request, 422 for another.</summary>
    private async Task<bool> AnswerFromStoreAsync(HttpContext context, IdempotencyKeyInFlight inFlight)
    {
        IdempotentRequest? stored;
        await using (var session = store.QuerySession())
        {
            stored = await session.LoadAsync<IdempotentRequest>(inFlight.Id, context.RequestAborted);
        }

        if (stored is null) return false;
        if (stored.RecordedAt + lifetime <= inFlight.ReceivedAt)
        {
            await using var expired = store.LightweightSession();
            expired.Delete<IdempotentRequest>(stored.Id);
            await expired.SaveChangesAsync(context.RequestAborted);
            return false;
        }

        if (stored.RequestHash != inFlight.RequestHash)
        {
            await Problems.Unprocessable(KeyReused, new BilingualText(
                $"Khóa {HeaderName} này đã được dùng cho một yêu cầu khác; mỗi thao tác cần một khóa mới.",
                $"This {HeaderName} was already used for another request; each action needs a new key.")).ExecuteAsync(context);
            return true;
        }

        var response = context.Response;
        response.StatusCode = stored.Status;
        if (stored.ContentType is { } contentType) response.ContentType = contentType;
        if (stored.Location is { } location) response.Headers.Location = location;
        response.Headers[ReplayedHeader] = "true";
        await response.WriteAsync(stored.Body, context.RequestAborted);
        return true;
    }
}

/// <summary>
/// Deletes expired answers when the server starts and hourly after (a retry finding one expired deletes it itself). The
/// first sweep also readies Marten's storage of <see cref="IdempotentRequest"/>, which would otherwise be generated during
/// the first keyed request and hold it up for seconds.
/// </summary>
public sealed class ExpiredIdempotencyKeys(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<ExpiredIdempotencyKeys> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lifetime = IdempotencyKeys.Lifetime(configuration);
        using var hourly = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                var cutoff = clock.GetUtcNow() - lifetime;
                await using var session = store.LightweightSession();
                session.DeleteWhere<IdempotentRequest>(stored => stored.RecordedAt <= cutoff);
                await session.SaveChangesAsync(stoppingToken);
            }
            catch (Exception problem) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly away: the next sweep, or the retry itself, catches up.
                logger.LogWarning(problem, "Expired idempotency keys were not deleted");
            }
        }
        while (await hourly.WaitForNextTickAsync(stoppingToken));
    }
}
