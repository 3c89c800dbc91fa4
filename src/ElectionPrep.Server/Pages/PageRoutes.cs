using ElectionPrep.Http;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ElectionPrep.Pages;

/// <summary>
/// Pages take their routes from <see cref="Routes"/>, as the endpoints and the tests do: a page listed here has a bare
/// <c>@page</c> and is served at its route constant.
/// </summary>
public sealed class PageRoutes : IPageRouteModelConvention
{
    private static readonly Dictionary<string, string> ByPage = new(StringComparer.Ordinal)
    {
        ["/Conferences/Minutes"] = Routes.ConferenceMinutes,
    };

    public void Apply(PageRouteModel model)
    {
        if (!ByPage.TryGetValue(model.ViewEnginePath, out var route)) return;
        foreach (var selector in model.Selectors) selector.AttributeRouteModel!.Template = route.TrimStart('/');
    }
}
