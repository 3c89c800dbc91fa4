using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using MiniExcelLibs;
using Wolverine.Http;

namespace ElectionPrep.Spreadsheets;

/// <summary>
/// Nhập từ bảng tính: a commune's spreadsheet (multipart field "file", .xlsx or .csv) read into the batch its batch
/// endpoint takes, each flaw named by row and column, checked by that endpoint's own validators; nothing is recorded
/// here. The page then sends the batch to the batch endpoint, as a dry run (the rules name refused rows) and, once
/// confirmed, for real with an Idempotency-Key, so a retried confirmation records the batch once. The preview is open to
/// those who may send the batch; the cells, personal data included, are never logged.
/// </summary>
public static class SpreadsheetIntake
{
    /// <summary>The constituency form's field naming the publishing decision.</summary>
    public const string DecisionReferenceField = "decisionReference";

    private const string Preview = "Reading a spreadsheet into a batch for its preview records nothing: the batch endpoint records it once confirmed.";

    [WolverinePost(Routes.CandidacySpreadsheets)]
    [ActsOn(StepKind.DossierWindow)]
    [RecordsNothing(Preview)]
    public static async Task<IResult> Dossiers(
        string id, HttpRequest request, IQuerySession session, IValidator<FileCandidaciesRequest> validator, CancellationToken cancellation) =>
        await OfProcessAsync(id, session, cancellation)
        ?? await SheetReading.AnswerAsync(request, DossierSheet.Kind, DossierSheet.Batch, validator, Routes.For(Routes.CandidacyBatches, id), cancellation);

    /// <summary>The constituencies, published under the decision named in the form's field "decisionReference".</summary>
    [WolverinePost(Routes.ConstituencySpreadsheets)]
    [ActsOn(StepKind.ConstituencyPublication)]
    [RecordsNothing(Preview)]
    public static async Task<IResult> Constituencies(
        string id, HttpRequest request, IQuerySession session, IValidator<PublishConstituenciesRequest> validator, CancellationToken cancellation) =>
        await OfProcessAsync(id, session, cancellation) ?? await SheetReading.AnswerAsync(request, ConstituencySheet.Kind,
            rows => ConstituencySheet.Batch(rows, request.Form[DecisionReferenceField].ToString().Trim()),
            validator, Routes.For(Routes.Constituencies, id), cancellation);

    /// <summary>The process's not-found answer when the route names none, else null.</summary>
    private static async Task<IResult?> OfProcessAsync(string id, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<ConsultationProcess>(id, cancellation) is null ? ProcessStreams.NotFound(id) : null;

    /// <summary>Placements of candidates on the process's list, each found by the name (and date of birth) in its row.</summary>
    [WolverinePost(Routes.AssignmentSpreadsheets)]
    [ActsOn(StepKind.ListPublication)]
    [RecordsNothing(Preview)]
    public static async Task<IResult> Assignments(
        string id, HttpRequest request, IQuerySession session, IValidator<AssignConstituenciesRequest> validator, CancellationToken cancellation)
    {
        if (await session.LoadAsync<CandidateList>(CandidateList.IdFor(id), cancellation) is not { } list) return ListStreams.NotFound(id);
        var standingIds = list.Entries.Where(entry => entry.Status == ListEntryStatus.Standing).Select(entry => entry.CandidacyId).ToArray();
        var standing = (await session.LoadManyAsync<Candidacy>(cancellation, standingIds))
            .Select(candidacy => new PlacementSheet.Standing(candidacy.Id, candidacy.Dossier.FullName, candidacy.Dossier.DateOfBirth)).ToList();
        return await SheetReading.AnswerAsync(request, PlacementSheet.Kind,
            rows => PlacementSheet.Batch(rows, standing),
            validator, Routes.For(Routes.AssignmentBatches, id), cancellation);
    }

    public static IReadOnlyList<SheetKind> Kinds { get; } = [DossierSheet.Kind, ConstituencySheet.Kind, PlacementSheet.Kind];

    /// <summary>
    /// Mẫu bảng tính: an .xlsx whose first sheet holds the kind's header row (Vietnamese, or English with ?lang=En) and whose
    /// second explains each column and what it may hold. It holds no one's data.
    /// </summary>
    [WolverineGet(Routes.SpreadsheetTemplate)]
    [SignedIn]
    public static IResult Template(string kind, HeaderLanguage? lang)
    {
        if (Kinds.FirstOrDefault(known => known.Name == kind) is not { } sheet)
        {
            return Problems.NotFound(new BilingualText($"Không có mẫu bảng tính '{kind}'.", $"There is no spreadsheet template '{kind}'."));
        }

        var english = lang == HeaderLanguage.En;
        // Rows keyed by column position and written without MiniExcel's own header, so each sheet's first row is ours.
        static Dictionary<string, object> Row(IEnumerable<string> cells) => cells.Select((cell, index) => (cell, index)).ToDictionary(pair => $"{pair.index}", pair => (object)pair.cell);
        var explained = sheet.Columns.Select(column => Row([column.Vi, column.En, column.Required ? "Có" : "Không", column.Holds.Vi, column.Holds.En]));
        var sheets = new Dictionary<string, object>
        {
            [sheet.Title.Vi] = new[] { Row(sheet.Columns.Select(column => english ? column.En : column.Vi)) },
            ["Hướng dẫn"] = explained.Prepend(Row(["Cột", "Column", "Bắt buộc", "Ghi", "Notes"])).ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: false);
        return Results.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"mau-{sheet.Name}.xlsx");
    }
}
