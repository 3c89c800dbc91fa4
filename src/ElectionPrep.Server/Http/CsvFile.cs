using System.Globalization;
using System.Text;
using CsvHelper;

namespace ElectionPrep.Http;

/// <summary>A CSV download: header and rows by CsvHelper's generated mapping, UTF-8 with a byte order mark.</summary>
public static class CsvFile
{
    /// <param name="header">Other names for the columns, in their order (e.g. English ones), instead of the type's own.</param>
    public static IResult Of<T>(IEnumerable<T> rows, string fileName, IReadOnlyList<string>? header = null)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text))
        {
            if (header is null) csv.WriteHeader<T>();
            else csv.WriteHeader([.. header]);
            csv.WriteRecords(rows);
            csv.Flush();
        }

        // The byte order mark lets spreadsheet programs read the Vietnamese letters as UTF-8.
        return Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())], "text/csv; charset=utf-8", fileName);
    }
}
