using ElectionPrep.Http;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ElectionPrep.Pages;

/// <summary>
/// Pages take their routes from <see cref="Routes"/>, as the endpoints and the tests do: every page has a bare
/// <c>@page</c> and is served at its route constant only. A page missing here stops the host at start-up.
/// </summary>
public sealed class PageRoutes : IPageRouteModelConvention
{
    private static readonly Dictionary<string, string> ByPage = new(StringComparer.Ordinal)
    {
        ["/Index"] = Routes.Dashboard,
        ["/AccessDenied"] = Routes.AccessDenied,
        ["/SignIn"] = Routes.SignIn,
        ["/SignOut"] = Routes.SignOut,
        ["/ChangePassword"] = Routes.OwnPasswordPage,
        ["/Admin/Accounts"] = Routes.AccountsPage,
        ["/Processes/Index"] = Routes.ProcessesPage,
        ["/Processes/Process"] = Routes.ProcessPage,
        ["/Candidates/Candidates"] = Routes.CandidatesPage,
        ["/Candidates/NewDossier"] = Routes.NewDossierPage,
        ["/Candidates/Candidacy"] = Routes.CandidacyPage,
        ["/Candidates/ProtectedData"] = Routes.CandidacyProtectedDataPage,
        ["/Candidates/VoterConferenceMinutes"] = Routes.VoterConferenceMinutesPage,
        ["/Lists/ListBuilder"] = Routes.ListBuilderPage,
        ["/Spreadsheets/Upload"] = Routes.UploadPage,
        ["/Lists/OfficialList"] = Routes.OfficialListPage,
        ["/Lists/PreliminaryList"] = Routes.PreliminaryListPage,
        ["/Conferences/Conference"] = Routes.ConferencePage,
        ["/Conferences/Minutes"] = Routes.ConferenceMinutesPage,
        ["/Audit/Timeline"] = Routes.AuditTrailPage,
        ["/Audit/Proof"] = Routes.AuditProofPage,
    };

    public void Apply(PageRouteModel model)
    {
        if (!ByPage.TryGetValue(model.ViewEnginePath, out var route))
        {
            throw new InvalidOperationException($"The page {model.ViewEnginePath} has no route: give it a constant in Routes and list it in PageRoutes.");
        }

        // An index page gets a second selector for its folder's path; the page answers at its one route instead.
        model.Selectors.Clear();
        model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = route.TrimStart('/') } });
    }
}
