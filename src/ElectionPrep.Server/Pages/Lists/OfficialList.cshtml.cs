using Microsoft.AspNetCore.Authorization;
using ElectionPrep.CandidateLists;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Forms;
using ElectionPrep.Seeds;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Lists;

/// <summary>
/// Danh sách chính thức, bản in: the election form with each constituency's candidates in legal order, the same rows and
/// columns as the exports, signed by whoever published it.
/// </summary>
[AllowAnonymous]
public sealed class OfficialListModel(IQuerySession session, SeedCatalog seeds, FormComposer forms) : PageModel
{
    public ConsultationProcess Process { get; private set; } = null!;

    public string JurisdictionName => seeds.UnitNameOf(Process.JurisdictionCode, Process.TermId);

    public IReadOnlyList<OfficialListRow>? Rows { get; private set; }

    /// <summary>The form around the rows, once the list is published.</summary>
    public OfficialForm? Form { get; private set; }

    /// <summary>Who stands on the published list now, in legal order: those a removal or withdrawal may name.</summary>
    public IReadOnlyList<ListEntry> Standing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ConsultationProcess>(id, cancellation) is not { } process) return NotFound();
        Process = process;
        Rows = await OfficialListExport.RowsAsync(id, session, seeds, cancellation);
        var list = await session.LoadAsync<CandidateList>(CandidateList.IdFor(id), cancellation);
        if (list?.OfficialDecisionReference is { } reference && await OfficialListExport.PublicationAsync(id, session, cancellation) is { } published)
        {
            Form = forms.Compose(process, FormKind.OfficialList, ((OfficialListPublished)published.Data).PublishedAt, reference, published, Request);
        }

        var official = list?.Official?.SelectMany(entry => entry.CandidacyIds).ToHashSet() ?? [];
        Standing = [.. ListRules.InLegalOrder(list?.Standing.Where(entry => official.Contains(entry.CandidacyId)) ?? [], entry => entry.FullName)];
        return Page();
    }
}
