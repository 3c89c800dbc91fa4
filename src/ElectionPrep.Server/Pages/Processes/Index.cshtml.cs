using ElectionPrep.Http;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Processes;

/// <summary>Danh sách quy trình: the processes in the account's jurisdiction and beneath, by unit name in Vietnamese order.</summary>
[SignedIn]
public sealed class IndexModel(IQuerySession session, Seeds.SeedCatalog seeds, Workflows.WorkflowCatalog workflows) : PageModel
{
    /// <summary>Every term, latest first: the opening form offers them all, the latest selected.</summary>
    public IReadOnlyList<Term> Terms => seeds.TermsLatestFirst;

    /// <summary>The list shows one term's processes, or every term's when none is picked.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Term { get; set; }

    [BindProperty(SupportsGet = true)]
    public CouncilKind? Council { get; set; }

    /// <summary>Only the processes of councils elected at this level: where a roll-up row of the dashboard leads.</summary>
    [BindProperty(SupportsGet = true)]
    public UnitLevel? Level { get; set; }

    /// <summary>The term's name in the reader's language, for the list's term column.</summary>
    public string TermName(ConsultationProcessSummary row) => seeds.FindTerm(row.TermId) is { } term ? Ui.T(term.Name) : row.TermId;

    public IReadOnlyList<ConsultationProcessSummary> Processes { get; private set; } = [];

    /// <summary>A step's title in the reader's language, from the definition version the process runs.</summary>
    public string StepTitle(ConsultationProcessSummary row, string stepId) =>
        workflows.All.FirstOrDefault(definition => definition.Council == row.Council && definition.Version == row.DefinitionVersion)?.FindStep(stepId) is { } step
            ? Ui.T(step.Title)
            : stepId;

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var query = session.Query<ConsultationProcessSummary>().AsQueryable();
        if (Actors.ActorOf(User).Jurisdiction is { } scope) query = query.Where(summary => summary.JurisdictionPath.Contains(scope));
        if (Council is { } council) query = query.Where(summary => summary.Council == council);
        if (Level is { } level)
        {
            var councils = Enum.GetValues<CouncilKind>().Where(kind => kind.JurisdictionLevel() == level).ToArray();
            query = query.Where(summary => councils.Contains(summary.Council));
        }

        if (seeds.FindTerm(Term) is { } picked) query = query.Where(summary => summary.TermId == picked.Id);
        var rows = await query.ToListAsync(cancellation);
        Processes = [.. rows.OrderBy(row => row.JurisdictionName, Ui.Collation).ThenBy(row => row.Council)];
    }
}
