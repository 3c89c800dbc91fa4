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
    /// <summary>The term a new process opens in: the latest the seeds know.</summary>
    public string TermId => seeds.LatestTerm.Id;

    [BindProperty(SupportsGet = true)]
    public CouncilKind? Council { get; set; }

    /// <summary>Only the processes of councils elected at this level: where a roll-up row of the dashboard leads.</summary>
    [BindProperty(SupportsGet = true)]
    public UnitLevel? Level { get; set; }

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

        var rows = await query.ToListAsync(cancellation);
        Processes = [.. rows.OrderBy(row => row.JurisdictionName, Ui.Collation).ThenBy(row => row.Council)];
    }
}
