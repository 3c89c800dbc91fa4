using ElectionPrep.Http;
using Microsoft.AspNetCore.Localization;

namespace ElectionPrep.Pages;

/// <summary>
/// Tiếng Việt / English: Vietnamese is the default whatever the browser asks for; a person may switch to English, kept
/// in a cookie for a year.
/// </summary>
public static class LanguageSwitch
{
    public static readonly string[] Cultures = ["vi-VN", "en-GB"];

    public static IServiceCollection AddLanguageSwitch(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet(Routes.LanguageSwitch, (string culture, string? returnUrl, HttpContext context) =>
        {
            if (!Cultures.Contains(culture)) return Results.NotFound();
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : Routes.Dashboard);
        }).AllowAnonymous().ExcludeFromDescription();
}
