using ElectionPrep.Http;
using ElectionPrep.AdministrativeUnits;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Candidates;

/// <summary>
/// Nộp hồ sơ ứng cử: the dossier form. It posts to the filing endpoint, which validates every field and decides
/// eligibility; the page lists what the API refuses in an error summary linked to the fields.
/// </summary>
[ActsOn(Workflows.StepKind.DossierWindow)]
public sealed class NewDossierModel(IQuerySession session, SeedCatalog seeds, Workflows.WorkflowCatalog workflows) : PageModel
{
    public ConsultationProcess Process { get; private set; } = null!;

    public string JurisdictionName => seeds.UnitNameOf(Process.JurisdictionCode, Process.TermId);

    public IReadOnlyList<NominationAllocation> Allocations { get; private set; } = [];

    /// <summary>The communes of the process's province, where candidates usually live, by name in Vietnamese order.</summary>
    public IReadOnlyList<AdministrativeUnit> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ConsultationProcess>(id, cancellation) is not { } process) return NotFound();
        Process = process;
        Allocations = await FilingForWriting.AllocationsAsync(session, id, workflows.DefinitionOf(process), cancellation);
        var province = process.JurisdictionPath.Skip(1).FirstOrDefault() ?? process.JurisdictionCode;
        var electionDay = seeds.TermOf(process.TermId).ElectionDay;
        Communes = [.. seeds.Units.All.Where(unit => unit.Level == UnitLevel.Commune && unit.IsValidOn(electionDay) && seeds.PathOf(unit.Code, electionDay).Contains(province))
            .OrderBy(unit => unit.Name, Ui.Collation)];
        return Page();
    }

    public static string DocumentName(DocumentKind kind) => Ui.T(DocumentNames.Of(kind));
}
