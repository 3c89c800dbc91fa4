using System.Text.Encodings.Web;
using System.Text.Unicode;
using ElectionPrep.Http;
using Microsoft.Extensions.WebEncoders;

namespace ElectionPrep.Pages;

/// <summary>The Razor pages, at the routes <see cref="PageRoutes"/> gives them, in Vietnamese or English.</summary>
public static class PageServices
{
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        // The test host's formatter reads MVC's JSON options, so they name enums as every other JSON the host writes.
        services.AddRazorPages(options => options.Conventions.Add(new PageRoutes()))
            .AddJsonOptions(json => HttpServices.NameEnums(json.JsonSerializerOptions));
        // Pages are Vietnamese: keep its letters readable in the HTML instead of &#x...; escapes. Markup characters are still encoded.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services.AddLanguageSwitch();
    }
}
