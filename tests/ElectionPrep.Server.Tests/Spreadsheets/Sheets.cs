using ElectionPrep.Candidates;
using MiniExcelLibs;

namespace ElectionPrep.Spreadsheets;

/// <summary>Spreadsheets made in the test, as a commune's office would fill the template: rows of header → cell, saved as .xlsx or .csv.</summary>
public static class Sheets
{
    /// <summary>A self-nominee's dossier as a row with the template's Vietnamese headers; every document hashed.</summary>
    public static Dictionary<string, object> Dossier(string fullName, string citizenId, string residence = "01834", string dateOfBirth = "15/06/1985")
    {
        var row = new Dictionary<string, object>
        {
            [DossierSheet.FullName.Vi] = fullName,
            [DossierSheet.DateOfBirth.Vi] = dateOfBirth,
            [DossierSheet.Gender.Vi] = "Nữ",
            [DossierSheet.Ethnicity.Vi] = "Tày",
            [DossierSheet.Religion.Vi] = "Không",
            [DossierSheet.Nationality.Vi] = "Việt Nam",
            [DossierSheet.PartyMember.Vi] = "Có",
            [DossierSheet.Education.Vi] = "Đại học",
            [DossierSheet.Profession.Vi] = "Giáo viên",
            [DossierSheet.Workplace.Vi] = "Trường THCS phường",
            [DossierSheet.ResidenceUnitCode.Vi] = residence,
            [DossierSheet.NominatedBy.Vi] = "Tự ứng cử",
            [DossierSheet.CitizenId.Vi] = citizenId,
            [DossierSheet.ResidenceAddress.Vi] = "Tổ 5, phường",
            [DossierSheet.Phone.Vi] = "0912345678",
        };
        foreach (var (kind, column) in DossierSheet.Documents) row[column.Vi] = $"{new string('b', 64)}  {kind}.pdf";
        return row;
    }

    /// <summary>The same rows under the English headers.</summary>
    public static List<Dictionary<string, object>> InEnglish(IEnumerable<Dictionary<string, object>> rows) =>
        [.. rows.Select(row => row.ToDictionary(cell => DossierSheet.Kind.Columns.Single(column => column.Vi == cell.Key).En, cell => cell.Value))];

    /// <summary>The first row of a workbook's first sheet, e.g. a template's headers.</summary>
    public static IReadOnlyList<string?> FirstRow(Stream workbook) =>
        [.. ((IDictionary<string, object?>)MiniExcel.Query(workbook, excelType: ExcelType.XLSX).First()).Values.Select(value => value?.ToString())];

    public static byte[] Xlsx(IEnumerable<Dictionary<string, object>> rows) => Save(rows, ExcelType.XLSX);

    /// <summary>Comma-separated, or by the separator given (Excel writes semicolons where the decimal mark is a comma).</summary>
    public static byte[] Csv(IEnumerable<Dictionary<string, object>> rows, char separator = ',') =>
        Save(rows, ExcelType.CSV, new MiniExcelLibs.Csv.CsvConfiguration { Seperator = separator });

    private static byte[] Save(IEnumerable<Dictionary<string, object>> rows, ExcelType type, IConfiguration? configuration = null)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.ToList(), excelType: type, configuration: configuration);
        return stream.ToArray();
    }
}
