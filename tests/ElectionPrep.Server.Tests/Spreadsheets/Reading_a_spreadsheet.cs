using System.Text.Json;
using ElectionPrep.Candidates;
using ElectionPrep.Http;
using ElectionPrep.Seeds;

namespace ElectionPrep.Spreadsheets;

/// <summary>A commune's sheet of dossiers read into the batch the batch endpoint takes, each flaw named by row and column, by the API's own validators.</summary>
public class Reading_a_spreadsheet
{
    private static readonly FileCandidaciesRequestValidator Validator = new(SeedCatalog.Load(SeedCatalog.DefaultPath));

    private static async Task<SheetPreview<FileCandidaciesRequest>> Preview(byte[] file)
    {
        var (rows, flaws) = SheetReading.Read(new MemoryStream(file), DossierSheet.Kind);
        return await SheetReading.PreviewAsync(DossierSheet.Kind, rows, flaws, DossierSheet.Batch(rows), Validator, "/batch");
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public async Task A_date_that_is_no_date_is_named_by_its_row_and_column()
    {
        var preview = await Preview(Sheets.Csv([Sheets.Dossier("Trần Thị Ánh", "001185000001"), Sheets.Dossier("Lò Thị Hoa", "001185000002", dateOfBirth: "31/02/1985")]));

        var flaw = Assert.Single(preview.Flaws);
        Assert.Equal(("Dòng 3, cột 'Ngày sinh': '31/02/1985' không phải một ngày dd/MM/yyyy.", "Row 3, column 'date_of_birth': '31/02/1985' is not a date dd/MM/yyyy."),
            (flaw.Detail, flaw.DetailEn));
    }

    [Fact]
    public async Task A_cell_the_api_validator_refuses_is_named_by_its_row_and_column()
    {
        var preview = await Preview(Sheets.Csv([Sheets.Dossier("Trần Thị Ánh", "12345")]));

        var flaw = Assert.Single(preview.Flaws);
        Assert.Equal((2, DossierSheet.Kind.Columns.ToList().IndexOf(DossierSheet.CitizenId), "Dòng 2, cột 'Số định danh cá nhân': Số định danh cá nhân gồm 12 chữ số."),
            (flaw.Row, flaw.Column, flaw.Detail));
    }

    [Fact]
    public async Task A_sheet_without_a_required_column_is_refused_naming_the_column()
    {
        var row = Sheets.Dossier("Trần Thị Ánh", "001185000001");
        row.Remove(DossierSheet.DateOfBirth.Vi);

        var preview = await Preview(Sheets.Csv([row]));

        Assert.Equal("Cột 'Ngày sinh': Bảng tính thiếu cột này.", Assert.Single(preview.Flaws).Detail);
    }

    [Fact]
    public async Task A_sound_sheet_gives_each_row_as_the_dossier_form_would_send_it()
    {
        var preview = await Preview(Sheets.Xlsx([Sheets.Dossier("Trần Thị Ánh", "001185000001")]));

        Assert.Empty(preview.Flaws);
        var dossier = Assert.Single(preview.Batch.Dossiers);
        Assert.Equal((new DateOnly(1985, 6, 15), Gender.Female, (Nomination?)null, "001185000001", 5, "Application.pdf"),
            (dossier.DateOfBirth, dossier.Gender, dossier.Nomination, dossier.CitizenId, dossier.Documents!.Count, dossier.Documents[0].FileName));
    }

    [Fact]
    public async Task An_xlsx_and_a_csv_of_the_same_rows_give_the_same_batch()
    {
        Dictionary<string, object>[] rows = [Sheets.Dossier("Trần Thị Ánh", "001185000001"), Sheets.Dossier("Hoàng Thị Lan", "001185000002")];

        var fromXlsx = await Preview(Sheets.Xlsx(rows));
        var fromCsv = await Preview(Sheets.Csv(rows));

        Assert.Equal(Json(fromXlsx.Batch), Json(fromCsv.Batch));
    }

    [Fact]
    public async Task A_csv_separated_by_semicolons_as_excel_saves_it_in_vietnam_gives_the_same_batch()
    {
        Dictionary<string, object>[] rows = [Sheets.Dossier("Trần Thị Ánh", "001185000001"), Sheets.Dossier("Hoàng Thị Lan", "001185000002")];
        var commas = Sheets.Csv(rows);
        var semicolons = Sheets.Csv(rows, separator: ';');

        var fromCommas = await Preview(commas);
        var fromSemicolons = await Preview(semicolons);

        Assert.NotEqual(commas, semicolons);
        Assert.Empty(fromSemicolons.Flaws);
        Assert.Equal(Json(fromCommas.Batch), Json(fromSemicolons.Batch));
    }

    [Fact]
    public async Task English_headers_give_the_same_batch_as_the_Vietnamese_ones()
    {
        Dictionary<string, object>[] rows = [Sheets.Dossier("Trần Thị Ánh", "001185000001")];

        var vietnamese = await Preview(Sheets.Csv(rows));
        var english = await Preview(Sheets.Csv(Sheets.InEnglish(rows)));

        Assert.Equal(Json(vietnamese.Batch), Json(english.Batch));
    }

    [Fact]
    public async Task A_citizen_id_typed_as_a_number_keeps_its_leading_zeros()
    {
        var row = Sheets.Dossier("Trần Thị Ánh", "");
        row[DossierSheet.CitizenId.Vi] = 1185000001d;

        var preview = await Preview(Sheets.Xlsx([row]));

        Assert.Equal("001185000001", Assert.Single(preview.Batch.Dossiers).CitizenId);
    }
}
