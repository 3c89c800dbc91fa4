using ElectionPrep.Http;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Candidates;

/// <summary>
/// Hồ sơ người ứng cử: the public dossier, the document checklist, the eligibility rules it was checked against (a
/// dossier failing one is refused at filing), the voter conferences and complaints, and the form to record a voter
/// conference. Protected data has a page of its own, for those who prepare the lists.
/// </summary>
[ReadsDossiers]
public sealed class CandidacyModel(IQuerySession session, SeedCatalog seeds) : PageModel
{
    public Candidacy Candidacy { get; private set; } = null!;

    public ConsultationProcess Process { get; private set; } = null!;

    public IReadOnlyList<EligibilityRule> Rules { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Candidacy>(id, cancellation) is not { } candidacy) return NotFound();
        Candidacy = candidacy;
        Process = (await session.LoadAsync<ConsultationProcess>(candidacy.ConsultationProcessId, cancellation))!;
        var term = seeds.FindTerm(Process.TermId)!;
        Zone = seeds.TimeZoneOf(term);
        Rules = [.. term.Rules.Eligibility.Where(rule => rule.AppliesTo.Contains(candidacy.Council))];
        return Page();
    }
}
