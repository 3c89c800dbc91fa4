using Microsoft.AspNetCore.Antiforgery;

namespace ElectionPrep.Http;

/// <summary>
/// The pages' forms post JSON to the same API endpoints as API clients, with the session cookie. A cookie rides along
/// with any request, so such a call must also carry the page's antiforgery token in a header; bearer-token calls cannot
/// be forged by another site and need none.
/// </summary>
public static class ApiAntiforgery
{
    public const string HeaderName = "RequestVerificationToken";

    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var byCookie = !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            if (request.Path.StartsWithSegments(Routes.Api) && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && byCookie
                && context.User.Identity?.IsAuthenticated == true)
            {
                var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    await Results.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "antiforgery",
                        Detail = "Thiếu hoặc sai mã chống giả mạo của trang; hãy tải lại trang rồi thử lại.",
                        Extensions = { ["detailEn"] = "The page's antiforgery token is missing or wrong; reload the page and try again." },
                    }).ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });
}
