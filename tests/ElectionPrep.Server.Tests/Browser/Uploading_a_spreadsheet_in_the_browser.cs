using ElectionPrep.Demo;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Spreadsheets;
using Microsoft.Playwright;

namespace ElectionPrep.Browser;

/// <summary>
/// Ward 01837 of the demo, its dossier window open: the Election Committee's clerk downloads the template, sends a sheet
/// of two dossiers with one bad cell, sees that cell named and nothing recorded, corrects it, sends it again and confirms,
/// and both candidates are on the ward's list.
/// </summary>
public class Uploading_a_spreadsheet_in_the_browser
{
    private static FilePayload Csv(IEnumerable<Dictionary<string, object>> rows) => new() { Name = "ho-so-song-cau.csv", MimeType = "text/csv", Buffer = Sheets.Csv(rows) };

    [Fact]
    public async Task A_sheet_with_one_bad_cell_is_refused_then_accepted_once_corrected() => await Browser.OnTheDemoAsync(async (server, browser) =>
    {
        string Url(string path) => new Uri(server, path).ToString();
        const string Ward = "2021-2026.commune-council.01837";
        var clerk = await Browser.SignedInAsync(browser, server, DemoSeedValidator.Load(SeedCatalog.DefaultPath).Account("thu.ky.ubbc.song.cau"));
        await clerk.GotoAsync(Url(Routes.For(Routes.CandidatesPage, Ward)));
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Nộp nhiều hồ sơ từ bảng tính" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("h1")).ToHaveTextAsync("Nhập từ bảng tính");

        // The template: the dossier columns, headed as the official list's export heads those it shares.
        var download = await clerk.RunAndWaitForDownloadAsync(() => clerk.Locator($"#template-{DossierSheet.Kind.Name}").ClickAsync());
        await using (var template = File.OpenRead(await download.PathAsync()))
        {
            Assert.Equal(DossierSheet.Kind.Columns.Select(column => column.Vi), Sheets.FirstRow(template));
        }

        Dictionary<string, object>[] rows = [Sheets.Dossier("Nông Thị Huyền", "006190012345", "01837"), Sheets.Dossier("Triệu Thị Mai", "006190012346", "01837", dateOfBirth: "31/02/1990")];
        await clerk.Locator("#file").SetInputFilesAsync(Csv(rows));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        var flaws = clerk.Locator("#sheet-flaws");
        // The first preview and dry run compile their endpoints on a busy machine: wait as a person would.
        await Assertions.Expect(flaws).ToBeFocusedAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(flaws.Locator("a[href='#cell-3-1']")).ToHaveTextAsync("Dòng 3, cột 'Ngày sinh': '31/02/1990' không phải một ngày dd/MM/yyyy.");
        await Assertions.Expect(clerk.Locator("#cell-3-1")).ToHaveClassAsync("bad-cell");
        await Assertions.Expect(clerk.Locator("#confirm")).ToBeDisabledAsync();
        await Browser.ScreenshotAsync(clerk, "upload-01-bad-cell");

        await clerk.GotoAsync(Url(Routes.For(Routes.CandidatesPage, Ward)));
        await Assertions.Expect(clerk.Locator("main")).Not.ToContainTextAsync("Nông Thị Huyền");
        await clerk.GotoAsync(Url(Routes.For(Routes.UploadPage, Ward)));

        rows[1] = Sheets.Dossier("Triệu Thị Mai", "006190012346", "01837", dateOfBirth: "28/02/1990");
        await clerk.Locator("#file").SetInputFilesAsync(Csv(rows));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#sheet-ready")).ToContainTextAsync("2 dòng hợp lệ", new() { Timeout = 60_000 });
        await Browser.ScreenshotAsync(clerk, "upload-02-ready");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Xác nhận, ghi nhận cả bảng" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#sheet-recorded")).ToContainTextAsync("Đã ghi nhận 2 dòng", new() { Timeout = 60_000 });
        await Browser.ScreenshotAsync(clerk, "upload-03-recorded");

        await clerk.Locator("#sheet-recorded a").ClickAsync();
        await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync("Nông Thị Huyền");
        await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync("Triệu Thị Mai");
    });
}
