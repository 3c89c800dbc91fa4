using System.Globalization;
using System.Text;
using ElectionPrep.Common;

namespace ElectionPrep.Spreadsheets;

/// <summary>
/// Một cột của bảng tính nhập liệu: its Vietnamese header (as the exports write it where they have the column), its
/// English one (either is read), what a cell holds, and the field of the batch item it fills, as the API's validators
/// name it (e.g. "Nomination.LeadershipProposal.Reference"), so their failures land on the column.
/// </summary>
public sealed record SheetColumn(string Vi, string En, BilingualText Holds, string? Property, bool Required = false)
{
    public bool IsNamed(string header) =>
        string.Equals(header.Trim(), Vi, StringComparison.OrdinalIgnoreCase) || string.Equals(header.Trim(), En, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Một ô sai: what is wrong with a cell, named as a person finds it ("Dòng 5, cột 'Ngày sinh': …"), with its row and the
/// column's place in the kind's columns; a flaw of the whole file has neither.
/// </summary>
public sealed record SheetFlaw(int? Row, int? Column, string Detail, string DetailEn)
{
    public static SheetFlaw Of(int? row, int? column, SheetColumn? named, BilingualText why) =>
        new(row, column, Where(row, named?.Vi, "Dòng", "cột") + why.Vi, Where(row, named?.En, "Row", "column") + why.En);

    private static string Where(int? row, string? column, string rowWord, string columnWord) => (row, column) switch
    {
        ({ } number, { } name) => $"{rowWord} {number}, {columnWord} '{name}': ",
        ({ } number, null) => $"{rowWord} {number}: ",
        (null, { } name) => $"{char.ToUpperInvariant(columnWord[0])}{columnWord[1..]} '{name}': ",
        _ => "",
    };
}

/// <summary>
/// Một dòng của bảng tính: its cells by column, read into the batch item's values. A cell that cannot be read (a date
/// that is no date) is named once and given a neutral value; the fields each column fills are remembered, so the API's
/// validators' failures on the item are named by the row's cell too.
/// </summary>
public sealed class SheetRow(int number, IReadOnlyList<SheetColumn> columns, IReadOnlyDictionary<SheetColumn, object?> cells)
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];
    private readonly Dictionary<string, SheetColumn> fills = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<SheetColumn, SheetFlaw> flaws = [];

    /// <summary>The row's number in the spreadsheet, the header being row 1.</summary>
    public int Number => number;

    public IReadOnlyCollection<SheetFlaw> Flaws => flaws.Values;

    /// <summary>The cells as a person reads them, in the kind's column order ("" for an empty cell or a column the file lacks).</summary>
    public IReadOnlyList<string> Display => [.. columns.Select(column => Raw(column) ?? "")];

    public bool IsEmpty => columns.All(column => Raw(column) is null);

    /// <summary>The cell's text, trimmed and in Unicode NFC (precomposed, as the validators require); "" when empty.</summary>
    public string Text(SheetColumn column) => Fill(column) ?? "";

    public string? OptionalText(SheetColumn column) => Fill(column);

    /// <summary>Whether the spreadsheet stored the cell as a number (a CSV holds text only).</summary>
    public bool HoldsNumber(SheetColumn column) => cells.GetValueOrDefault(column) is double or decimal or int or long;

    /// <summary>Several values in one cell, separated by ';'.</summary>
    public IReadOnlyList<string> List(SheetColumn column) =>
        [.. (Fill(column) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>A date written dd/MM/yyyy (or yyyy-MM-dd), or a spreadsheet's own date cell.</summary>
    public DateOnly Date(SheetColumn column)
    {
        Fill(column);
        switch (cells.GetValueOrDefault(column))
        {
            case DateTime day: return DateOnly.FromDateTime(day);
            case double serial when serial is > 0 and < 2958466: return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        if (Raw(column) is { } text && DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Flaw(column, Raw(column) is null
            ? new("Cần một ngày, viết dd/MM/yyyy.", "A date is required, written dd/MM/yyyy.")
            : new($"'{Raw(column)}' không phải một ngày dd/MM/yyyy.", $"'{Raw(column)}' is not a date dd/MM/yyyy."));
        return default;
    }

    /// <summary>A date, or null when the cell is empty.</summary>
    public DateOnly? OptionalDate(SheetColumn column) => Raw(column) is null ? null : Date(column);

    /// <summary>A whole number.</summary>
    public int WholeNumber(SheetColumn column)
    {
        if (Fill(column) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)) return whole;
        Flaw(column, Raw(column) is null
            ? new("Cần một số.", "A number is required.")
            : new($"'{Raw(column)}' không phải một số nguyên.", $"'{Raw(column)}' is not a whole number."));
        return 0;
    }

    /// <summary>Có or Không (yes or no, true or false); an empty cell is Không.</summary>
    public bool YesOrNo(SheetColumn column)
    {
        var text = Fill(column);
        if (cells.GetValueOrDefault(column) is bool flag) return flag;
        if (text is null || Is(text, "Không", "no", "false")) return false;
        if (Is(text, "Có", "yes", "true")) return true;
        Flaw(column, new($"'{text}' không phải 'Có' hoặc 'Không'.", $"'{text}' is neither 'Có' (yes) nor 'Không' (no)."));
        return false;
    }

    /// <summary>One of <paramref name="choices"/>, by its Vietnamese or English name or its code; null when the cell is empty.</summary>
    public T? Choice<T>(SheetColumn column, IReadOnlyDictionary<T, BilingualText> choices, Func<string, T?>? byCode = null) where T : struct, Enum
    {
        if (Fill(column) is not { } text) return null;
        foreach (var (value, name) in choices)
        {
            if (Is(text, name.Vi, name.En, value.ToString())) return value;
        }

        if (byCode?.Invoke(text) is { } coded) return coded;
        Flaw(column, new($"'{text}' không thuộc các giá trị: {string.Join(", ", choices.Values.Select(name => name.Vi))}.",
            $"'{text}' is not one of: {string.Join(", ", choices.Values.Select(name => name.En))}."));
        return null;
    }

    /// <summary>Names a flaw of the cell; a cell keeps its first flaw.</summary>
    public void Flaw(SheetColumn column, BilingualText why) =>
        flaws.TryAdd(column, SheetFlaw.Of(number, IndexOf(column), column, why));

    /// <summary>The field <paramref name="property"/> is filled from <paramref name="column"/> (for values placed by position, e.g. Documents[2]).</summary>
    public void Fills(string property, SheetColumn column) => fills[property] = column;

    /// <summary>
    /// A validator's failure on the field <paramref name="property"/> of this row's item, named by the cell that filled it
    /// (the nearest filled field above it); a cell already named for what it holds is not named again.
    /// </summary>
    public SheetFlaw? FlawOf(string property, BilingualText why)
    {
        var column = Enclosing(property).Select(path => fills.GetValueOrDefault(path)).FirstOrDefault(found => found is not null);
        if (column is not null && flaws.ContainsKey(column)) return null;
        return SheetFlaw.Of(number, column is null ? null : IndexOf(column), column, why);
    }

    /// <summary>"A.B[0].C", then "A.B[0]", "A.B", "A".</summary>
    private static IEnumerable<string> Enclosing(string property)
    {
        for (var path = property; path.Length > 0; path = path[..Math.Max(0, path.LastIndexOfAny(['.', '[']))])
        {
            yield return path;
        }
    }

    private int? IndexOf(SheetColumn column) => columns.ToList().IndexOf(column) is var index and >= 0 ? index : null;

    private string? Fill(SheetColumn column)
    {
        if (column.Property is { } property) fills.TryAdd(property, column);
        return Raw(column);
    }

    /// <summary>The cell as text: a date dd/MM/yyyy, a number without exponent, text trimmed and precomposed; null when empty.</summary>
    private string? Raw(SheetColumn column)
    {
        var text = cells.GetValueOrDefault(column) switch
        {
            null => null,
            DateTime day => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            double value => value.ToString("0.###############", CultureInfo.InvariantCulture),
            bool flag => flag ? "Có" : "Không",
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize(NormalizationForm.FormC);
    }

    private static bool Is(string text, params string[] names) => names.Any(name => string.Equals(text, name, StringComparison.OrdinalIgnoreCase));
}
