using ElectionPrep.Http;
using Microsoft.Playwright;
using static ElectionPrep.Browser.Walking_the_demo;

namespace ElectionPrep.Browser;

/// <summary>
/// The demo's forms printed by a real browser: on A4 with the print stylesheet, the site's navigation left off, the
/// national heading on top; signed minutes with the signer's name and the QR code of their proof. A PDF and a screenshot
/// of each are kept under artifacts/forms. (The demo publishes no official list, so there is none to print.)
/// </summary>
[Collection(Collection)]
public class Printing_the_forms_in_the_browser(Walking_the_demo demo)
{
    private static readonly string Forms = Directory.CreateDirectory(Path.Combine(Infrastructure.Repository.Root, "artifacts", "forms")).FullName;

    private async Task<IPage> PrintedAsync(string path, string name)
    {
        var page = await demo.Site.SignInAsync("chu.tich.phuong");
        await page.GotoAsync(demo.Site.Url(path));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.site")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".nation-name")).ToHaveTextAsync("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Forms, $"{name}.png"), FullPage = true });
        var pdf = Path.Combine(Forms, $"{name}.pdf");
        await page.PdfAsync(new() { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });
        Assert.True(new FileInfo(pdf).Length > 0);
        return page;
    }

    private static async Task AssertSignedAsync(IPage page)
    {
        await Assertions.Expect(page.Locator(".signer-name")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_round_1_minutes_print_on_A4_with_the_signer_and_the_QR_code() =>
        await AssertSignedAsync(await PrintedAsync(Routes.For(Routes.ConferenceMinutesPage, $"{Ward}.round-1"), "minutes-round-1"));

    [Fact]
    public async Task The_round_2_minutes_print_on_A4_with_the_signer_and_the_QR_code() =>
        await AssertSignedAsync(await PrintedAsync(Routes.For(Routes.ConferenceMinutesPage, RoundTwo), "minutes-round-2"));

    [Fact]
    public async Task The_preliminary_list_prints_on_A4_with_its_candidates()
    {
        var page = await PrintedAsync(Routes.For(Routes.PreliminaryListPage, Ward), "preliminary-list");

        await Assertions.Expect(page.Locator("main table").First).ToContainTextAsync(demo.Candidacy.FullName);
    }

    [Fact]
    public async Task The_voter_conference_minutes_print_on_A4_with_the_candidate()
    {
        var page = await PrintedAsync(Routes.For(Routes.VoterConferenceMinutesPage, demo.Candidacy.Id, "1"), "voter-conference-minutes");

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(demo.Candidacy.FullName);
    }
}
