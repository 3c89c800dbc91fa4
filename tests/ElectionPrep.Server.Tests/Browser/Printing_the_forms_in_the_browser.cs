using ElectionPrep.Demo;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
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
    private static readonly DemoSeed Seed = DemoSeedValidator.Load(SeedCatalog.DefaultPath);
    private static readonly string Forms = Directory.CreateDirectory(Path.Combine(Repository.Root, "artifacts", "forms")).FullName;

    [Fact]
    public async Task The_round_minutes_print_on_A4_without_the_navigation_with_the_signer_and_the_QR_code()
    {
        var folder = TestDatabase.TemporaryFolder();
        try
        {
            await using var server = ServerProcess.Start(new Dictionary<string, string> { ["EmbeddedDatabase__DataDirectory"] = folder }, DemoMode.Command);
            await server.DemoBannerAsync();
            var (playwright, browser) = await Browser.LaunchAsync();
            using (playwright)
            await using (browser)
            {
                var chair = Seed.Account("chu.tich.phuong");
                var page = await Browser.NewPageAsync(browser);
                await page.GotoAsync(new Uri(server.Address, Routes.Dashboard).ToString());
                await page.GetByLabel("Tên đăng nhập").FillAsync(chair.Name);
                await page.GetByLabel("Mật khẩu").FillAsync(chair.Password);
                await page.Keyboard.PressAsync("Enter");
                await page.WaitForURLAsync(new Uri(server.Address, Routes.Dashboard).ToString());

                await page.GotoAsync(new Uri(server.Address, Routes.For(Routes.ConferenceMinutesPage, Minutes)).ToString());
                await page.EmulateMediaAsync(new() { Media = Media.Print });

                await Assertions.Expect(page.Locator("header.site")).ToBeHiddenAsync();
                await Assertions.Expect(page.Locator(".nation-name")).ToHaveTextAsync("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                await Assertions.Expect(page.Locator(".signer-name")).ToHaveTextAsync(chair.FullName!);
                await Assertions.Expect(page.Locator(".qr svg")).ToBeVisibleAsync();
                await page.ScreenshotAsync(new() { Path = Path.Combine(Forms, "minutes-round-1.png"), FullPage = true });
                var pdf = Path.Combine(Forms, "minutes-round-1.pdf");
                await page.PdfAsync(new() { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });
                Assert.True(new FileInfo(pdf).Length > 0);
            }

            Assert.Equal(0, await server.StopAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
