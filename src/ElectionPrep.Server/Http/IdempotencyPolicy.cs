using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.Http;

/// <summary>
/// Makes every POST honour the Idempotency-Key header (<see cref="IdempotencyKeys"/>): after the endpoint has decided,
/// and before Wolverine's transactional middleware commits the endpoint's session (its SaveChangesAsync is a later
/// postprocessor of the same chain), the answer is rendered and inserted into that session, so the key commits with the
/// events or not at all. A POST must write through its injected IDocumentSession (directly or through what its LoadAsync fetched), or say [RecordsNothing]: checked here,
/// at start-up.
/// </summary>
public sealed class IdempotencyPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(chain => chain.HttpMethods.Contains("POST")))
        {
            var method = chain.Method.Method;
            if (method.GetCustomAttribute<RecordsNothingAttribute>() is not null) continue;

            var endpoint = $"{method.DeclaringType?.Name}.{method.Name}";
            // The session may reach the endpoint directly or through the stream its LoadAsync fetched.
            var calls = chain.Middleware.OfType<MethodCall>().Select(call => call.Method).Append(method);
            if (calls.SelectMany(call => call.GetParameters()).All(parameter => parameter.ParameterType != typeof(IDocumentSession)))
            {
                throw new InvalidOperationException($"{endpoint} is a POST without an IDocumentSession: write through the injected session (or the stream its LoadAsync fetched from it), so its idempotency key commits with it, or mark it [RecordsNothing].");
            }

            var answer = chain.Method.Creates.FirstOrDefault(variable => variable.VariableType == typeof(IResult))
                ?? throw new InvalidOperationException($"{endpoint} is a POST that does not answer with an IResult, which its idempotency key stores.");

            chain.Metadata.WithMetadata(new HonoursIdempotencyKey()).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
            var record = new MethodCall(typeof(IdempotencyPolicy), nameof(RecordAsync));
            record.Arguments[1] = answer;
            chain.Postprocessors.Insert(0, record);
        }
    }

    /// <summary>
    /// Stores the endpoint's answer under the request's key, when it has one. The answer is rendered here exactly as it
    /// will be written to the client a moment later (same services, headers and trace id), refusals included.
    /// </summary>
    public static async Task RecordAsync(HttpContext httpContext, IResult result, IDocumentSession session)
    {
        if (httpContext.Features.Get<IdempotencyKeyInFlight>() is not { } inFlight) return;

        var rendering = new DefaultHttpContext { RequestServices = httpContext.RequestServices, TraceIdentifier = httpContext.TraceIdentifier, User = httpContext.User };
        foreach (var (name, value) in httpContext.Request.Headers) rendering.Request.Headers[name] = value;
        using var body = new MemoryStream();
        rendering.Response.Body = body;
        await result.ExecuteAsync(rendering);

        session.Insert(new IdempotentRequest(inFlight.Id, inFlight.RequestHash, rendering.Response.StatusCode, rendering.Response.ContentType,
            rendering.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
            System.Text.Encoding.UTF8.GetString(body.ToArray()), inFlight.ReceivedAt));
    }
}
