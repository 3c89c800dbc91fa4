using System.Text.RegularExpressions;
using ElectionPrep.Common;
using ElectionPrep.Http;
using FluentValidation;
using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace ElectionPrep.Spreadsheets;

/// <summary>
/// Một loại bảng tính: what one kind of spreadsheet fills (dossiers, constituencies, placements), its columns in order,
/// and the batch request's property holding the items, whose validator failures ("Dossiers[2].DateOfBirth") name rows.
/// </summary>
public sealed record SheetKind(string Name, BilingualText Title, IReadOnlyList<SheetColumn> Columns, string ItemsProperty);

/// <summary>A spreadsheet's row as the preview shows it: its number and its cells, in the kind's column order.</summary>
public sealed record PreviewRow(int Number, IReadOnlyList<string> Cells);

/// <summary>
/// Xem trước bảng tính: the rows as read, every flaw named by row and column, and the batch that confirming sends to
/// <paramref name="Submit"/> (the batch endpoint, where a dry run names the rows the rules refuse). Nothing is recorded.
/// </summary>
public sealed record SheetPreview<TBatch>(
    string Kind, IReadOnlyList<BilingualText> Columns, IReadOnlyList<PreviewRow> Rows, IReadOnlyList<SheetFlaw> Flaws, TBatch Batch, string Submit);

/// <summary>
/// Đọc bảng tính: an uploaded .xlsx (its first sheet) or .csv (UTF-8, separated by commas, or by semicolons as Excel
/// writes it where the decimal mark is a comma, as in Vietnam), header row first. Columns are
/// found by their Vietnamese or English header, in any order; other columns are left alone; empty rows are skipped.
/// </summary>
public static class SheetReading
{
    /// <summary>The multipart form's field holding the file.</summary>
    public const string FileField = "file";

    private static readonly BilingualText Unreadable = new("Không đọc được tệp: hãy gửi một tệp .xlsx hoặc .csv (UTF-8) có dòng tiêu đề.",
        "The file cannot be read: send an .xlsx or a .csv (UTF-8) file with a header row.");

    /// <summary>
    /// The answer to a spreadsheet sent in a multipart form: 400 naming the field without a file, else 200 with the
    /// preview of the batch <paramref name="batchOf"/> builds from its rows (the form's other fields are read by then).
    /// The body is already bounded by the server's request limit.
    /// </summary>
    public static async Task<IResult> AnswerAsync<TBatch>(HttpRequest request, SheetKind kind, Func<IReadOnlyList<SheetRow>, TBatch> batchOf,
        IValidator<TBatch> validator, string submit, CancellationToken cancellation)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellation) : null;
        if (form?.Files.GetFile(FileField) is not { Length: > 0 } upload)
        {
            return Problems.Invalid([new FieldFlaw(FileField, new("Cần chọn tệp bảng tính (.xlsx hoặc .csv).", "Choose a spreadsheet file (.xlsx or .csv)."))]);
        }

        using var file = new MemoryStream();
        await upload.CopyToAsync(file, cancellation);
        file.Position = 0;
        var (rows, flaws) = Read(file, kind);
        return Results.Ok(await PreviewAsync(kind, rows, flaws, batchOf(rows), validator, submit));
    }

    /// <summary>The rows under the header of a file read from its start (a stream that seeks), or the flaws of the file as a whole (unreadable, a required column missing).</summary>
    public static (IReadOnlyList<SheetRow> Rows, IReadOnlyList<SheetFlaw> Flaws) Read(Stream file, SheetKind kind)
    {
        try
        {
            // An .xlsx is a zip archive ("PK"); anything else is read as CSV.
            var magic = new byte[2];
            var type = file.Read(magic) == 2 && magic is [0x50, 0x4B] ? ExcelType.XLSX : ExcelType.CSV;
            file.Position = 0;
            var csv = type == ExcelType.CSV ? new CsvConfiguration { Seperator = SeparatorOf(file) } : null;
            file.Position = 0;
            // MiniExcel closes the stream once read: the rows are read once, and the headers are the first row's keys (a sheet of
            // headers alone has no rows, which the batch's validator names).
            var cells = MiniExcel.Query(file, useHeaderRow: true, excelType: type, configuration: csv).Cast<IDictionary<string, object?>>().ToList();
            var headers = cells.FirstOrDefault()?.Keys.ToList() ?? [];
            var found = kind.Columns.ToDictionary(column => column, column => headers.FirstOrDefault(column.IsNamed));
            var missing = kind.Columns.Select((column, index) => (column, index)).Where(pair => cells.Count > 0 && pair.column.Required && found[pair.column] is null)
                .Select(pair => SheetFlaw.Of(null, pair.index, pair.column, new("Bảng tính thiếu cột này.", "The spreadsheet lacks this column."))).ToList();
            if (missing.Count > 0) return ([], missing);

            var rows = cells
                .Select((row, index) => new SheetRow(index + 2, kind.Columns, found.Where(pair => pair.Value is not null)
                    .ToDictionary(pair => pair.Key, pair => row.TryGetValue(pair.Value!, out var value) ? value : null)))
                .Where(row => !row.IsEmpty)
                .ToList();
            return (rows, []);
        }
        catch (Exception unreadable) when (unreadable is not OperationCanceledException)
        {
            return ([], [SheetFlaw.Of(null, null, null, Unreadable)]);
        }
    }

    /// <summary>The separator of a CSV file: a semicolon when its header row holds more of them than commas, outside quotes.</summary>
    private static char SeparatorOf(Stream file)
    {
        var (commas, semicolons, quoted) = (0, 0, false);
        for (var next = file.ReadByte(); next is not (-1 or '\n'); next = file.ReadByte())
        {
            if (next == '"') quoted = !quoted;
            else if (!quoted && next == ',') commas++;
            else if (!quoted && next == ';') semicolons++;
        }

        return semicolons > commas ? ';' : ',';
    }

    /// <summary>
    /// The preview of a read sheet: the cells' own flaws, then what the batch endpoint's validator says of the batch built
    /// from the rows, each failure named by the cell that filled its field.
    /// </summary>
    public static async Task<SheetPreview<TBatch>> PreviewAsync<TBatch>(
        SheetKind kind, IReadOnlyList<SheetRow> rows, IReadOnlyList<SheetFlaw> fileFlaws, TBatch batch, IValidator<TBatch> validator, string submit)
    {
        var flaws = new List<SheetFlaw>(fileFlaws);
        flaws.AddRange(rows.SelectMany(row => row.Flaws));
        if (fileFlaws.Count == 0)
        {
            var vietnamese = await Bilingual.InCultureAsync(Bilingual.Vietnamese, () => validator.ValidateAsync(batch));
            var english = await Bilingual.InCultureAsync(Bilingual.English, () => validator.ValidateAsync(batch));
            flaws.AddRange(vietnamese.Errors.Zip(english.Errors)
                .Select(pair => FlawOf(kind, rows, pair.First.PropertyName, new BilingualText(pair.First.ErrorMessage, pair.Second.ErrorMessage)))
                .OfType<SheetFlaw>());
        }

        return new SheetPreview<TBatch>(kind.Name, [.. kind.Columns.Select(column => new BilingualText(column.Vi, column.En))],
            [.. rows.Select(row => new PreviewRow(row.Number, row.Display))],
            [.. flaws.Distinct().OrderBy(flaw => flaw.Row ?? 0).ThenBy(flaw => flaw.Column ?? -1)], batch, submit);
    }

    /// <summary>"Dossiers[2].Nomination.WorkplaceConference.Present" is the third row's cell of that field; a failure outside the items is the file's.</summary>
    private static SheetFlaw? FlawOf(SheetKind kind, IReadOnlyList<SheetRow> rows, string property, BilingualText why)
    {
        var item = Regex.Match(property, $@"^{Regex.Escape(kind.ItemsProperty)}\[(\d+)\]\.?(.*)$");
        var index = item.Success ? int.Parse(item.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
        if (index < 0 || index >= rows.Count) return SheetFlaw.Of(null, null, null, why);

        var row = rows[index];
        return item.Groups[2].Value is { Length: > 0 } field ? row.FlawOf(field, why) : SheetFlaw.Of(row.Number, null, null, why);
    }
}
