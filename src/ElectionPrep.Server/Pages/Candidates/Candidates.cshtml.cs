using ElectionPrep.Http;
using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Seeds;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Candidates;

/// <summary>Người ứng cử của một quy trình, in the legal (Vietnamese alphabetical) order, with the voters' verdicts.</summary>
[ReadsDossiers]
public sealed class CandidatesModel(IQuerySession session, SeedCatalog seeds) : PageModel
{
    public ConsultationProcess Process { get; private set; } = null!;

    public string JurisdictionName => seeds.UnitNameOf(Process.JurisdictionCode, Process.TermId);

    public IReadOnlyList<Candidacy> Candidacies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ConsultationProcess>(id, cancellation) is not { } process) return NotFound();
        Process = process;
        var candidacies = await session.Query<Candidacy>().Where(candidacy => candidacy.ConsultationProcessId == id).ToListAsync(cancellation);
        Candidacies = [.. ListRules.InLegalOrder(candidacies, candidacy => candidacy.Dossier.FullName)];
        return Page();
    }
}
