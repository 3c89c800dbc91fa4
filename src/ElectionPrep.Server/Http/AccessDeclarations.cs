using ElectionPrep.Common;
using ElectionPrep.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ElectionPrep.Http;

/// <summary>
/// Every mapped endpoint and page states who may use it (an <see cref="AccessAttribute"/> or [AllowAnonymous]); a host
/// with one that does not refuses to start, so no route is left to the fallback by forgetting.
/// </summary>
public static class AccessDeclarations
{
    /// <summary>Every mapped route and method with its endpoint metadata, in route order.</summary>
    public static IReadOnlyList<(string Method, string Route, EndpointMetadataCollection Metadata)> Endpoints(IEnumerable<EndpointDataSource> sources) =>
        sources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method =>
                (Method: method, Route: "/" + endpoint.RoutePattern.RawText!.TrimStart('/'), endpoint.Metadata)))
            .DistinctBy(endpoint => (endpoint.Method, endpoint.Route))
            .OrderBy(endpoint => endpoint.Route, StringComparer.Ordinal).ThenBy(endpoint => endpoint.Method, StringComparer.Ordinal)
            .ToList();

    /// <summary>The routes without a declaration, as "METHOD /route".</summary>
    public static IReadOnlyList<string> Undeclared(IEnumerable<EndpointDataSource> sources) =>
        Endpoints(sources)
            .Where(endpoint => endpoint.Metadata.GetMetadata<AccessAttribute>() is null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(endpoint => $"{endpoint.Method} {endpoint.Route}").ToList();

    public static void Verify(IEndpointRouteBuilder routes)
    {
        if (Undeclared(routes.DataSources) is { Count: > 0 } undeclared)
        {
            throw new StartupRefusedException(
                $"Các địa chỉ sau chưa khai báo quyền truy cập / these routes declare no access rule: {string.Join(", ", undeclared)}");
        }
    }
}

/// <summary>
/// A refused API request is answered with problem details naming why (the domain's refusal: role, body or unit),
/// in both languages; a page redirects to the access-denied page with the refusal's code, which it puts in words.
/// </summary>
public sealed class AccessProblems : IAuthorizationMiddlewareResultHandler
{
    private static readonly BilingualText NotAllowed = new("Tài khoản không có quyền làm việc này.", "This account may not do this.");
    private readonly AuthorizationMiddlewareResultHandler usual = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.Request.Path.StartsWithSegments(Routes.Api))
        {
            var refusal = authorizeResult.AuthorizationFailure?.FailureReasons.OfType<RefusalReason>().FirstOrDefault()?.Refusal;
            await Problems.Forbidden(refusal?.Code ?? "forbidden", refusal?.Detail ?? NotAllowed).ExecuteAsync(context);
            return;
        }

        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.OfType<RefusalReason>().FirstOrDefault() is { } reason)
        {
            // A page says why in words; the code is all the access-denied page needs.
            context.Response.Redirect($"{Routes.AccessDenied}?reason={Uri.EscapeDataString(reason.Refusal.Code)}");
            return;
        }

        await usual.HandleAsync(next, context, policy, authorizeResult);
    }
}
