using ElectionPrep.Demo;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using Microsoft.Playwright;

namespace ElectionPrep.Browser;

/// <summary>
/// The demo's signed round-1 minutes printed by a real browser: on A4 with the print stylesheet, the site's navigation
/// left off, the signer's name and the QR code on the page. The PDF and a screenshot are kept under artifacts/forms.
/// </summary>
public class Printing_the_forms_in_the_browser
{
    private const string Minutes = "2021-2026.commune-council.01834.round-1";
    private static readonly DemoAccount Chair = DemoSeedValidator.Load(SeedCatalog.DefaultPath).Account("chu.tich.phuong");
    private static readonly string Forms = Directory.CreateDirectory(Path.Combine(Infrastructure.Repository.Root, "artifacts", "forms")).FullName;

    [Fact]
    public Task The_round_minutes_print_on_A4_without_the_navigation_with_the_signer_and_the_QR_code() =>
        Browser.OnTheDemoAsync(async (server, browser) =>
        {
            var page = await Browser.SignedInAsync(browser, server, Chair);

            await page.GotoAsync(new Uri(server, Routes.For(Routes.ConferenceMinutesPage, Minutes)).ToString());
            await page.EmulateMediaAsync(new() { Media = Media.Print });

            await Assertions.Expect(page.Locator("header.site")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator(".nation-name")).ToHaveTextAsync("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            await Assertions.Expect(page.Locator(".signer-name")).ToHaveTextAsync(Chair.FullName!);
            await Assertions.Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(Forms, "minutes-round-1.png"), FullPage = true });
            var pdf = Path.Combine(Forms, "minutes-round-1.pdf");
            await page.PdfAsync(new() { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });
            Assert.True(new FileInfo(pdf).Length > 0);
        });
}
