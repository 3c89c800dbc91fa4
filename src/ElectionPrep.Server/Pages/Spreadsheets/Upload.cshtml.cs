using System.Security.Claims;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Spreadsheets;
using ElectionPrep.Workflows;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Spreadsheets;

/// <summary>One kind of spreadsheet the person may send here: the kind, where its preview is read, its template, and the page showing what it recorded.</summary>
public sealed record UploadChoice(SheetKind Kind, string Preview, string Template, string After);

/// <summary>
/// Nhập từ bảng tính: the clerk chooses what the spreadsheet holds and the file; the preview names every bad cell and the
/// rows the rules refuse, records nothing, and the whole batch is recorded in one decision once confirmed. Only the kinds
/// the person may send are offered, by the same mandate rules the batch endpoints enforce.
/// </summary>
[ReadsDossiers]
public sealed class UploadModel(IQuerySession session, SeedCatalog seeds, WorkflowCatalog workflows) : PageModel
{
    /// <summary>Each kind with the step its batch acts on, its preview's route and the page that shows what it recorded.</summary>
    private static readonly (SheetKind Kind, StepKind Step, string Preview, string After)[] Kinds =
    [
        (DossierSheet.Kind, StepKind.DossierWindow, Routes.CandidacySpreadsheets, Routes.CandidatesPage),
        (ConstituencySheet.Kind, StepKind.ConstituencyPublication, Routes.ConstituencySpreadsheets, Routes.ListBuilderPage),
        (PlacementSheet.Kind, StepKind.ListPublication, Routes.AssignmentSpreadsheets, Routes.ListBuilderPage),
    ];

    public ConsultationProcess Process { get; private set; } = null!;

    public string JurisdictionName => seeds.UnitNameOf(Process.JurisdictionCode, Process.TermId);

    public IReadOnlyList<UploadChoice> Choices { get; private set; } = [];

    /// <summary>Whether the person may send any kind of spreadsheet in the process, for the pages that link here.</summary>
    public static bool MayUpload(ClaimsPrincipal user, WorkflowCatalog workflows, ConsultationProcess process) =>
        Kinds.Any(kind => Access.MayAct(user, workflows, process, kind.Step));

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ConsultationProcess>(id, cancellation) is not { } process) return NotFound();
        Process = process;
        Choices = [.. Kinds.Where(kind => Access.MayAct(User, workflows, process, kind.Step))
            .Select(kind => new UploadChoice(kind.Kind, Routes.For(kind.Preview, id), Routes.For(Routes.SpreadsheetTemplate, kind.Kind.Name), Routes.For(kind.After, id)))];
        return Page();
    }
}
