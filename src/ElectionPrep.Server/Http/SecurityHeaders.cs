namespace ElectionPrep.Http;

/// <summary>Headers that keep pages from being framed, sniffed or leaking where a person came from.</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            // The API reference page loads its own scripts; the application's pages use none.
            if (!context.Request.Path.StartsWithSegments(Routes.ScalarPrefix))
            {
                headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'";
            }

            return next(context);
        });
}
