using ElectionPrep.Demo;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Seeds;
using Microsoft.Playwright;

namespace ElectionPrep.Browser;

/// <summary>
/// The pages' forms send one Idempotency-Key per submission: when the answer is lost on the way back, sending the same
/// form again gets the first answer instead of a refusal for a step already done, and the step is completed once.
/// </summary>
public class Resending_a_form_in_the_browser
{
    private const string Ward = "2021-2026.commune-council.01837";
    private static readonly DemoSeed Seed = DemoSeedValidator.Load(SeedCatalog.DefaultPath);

    [Fact]
    public async Task A_form_sent_again_after_its_answer_was_lost_gets_the_first_answer()
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
                var clerk = await Browser.NewPageAsync(browser);
                await clerk.GotoAsync(new Uri(server.Address, Routes.Dashboard).ToString());
                await clerk.GetByLabel("Tên đăng nhập").FillAsync("gioi.thieu.song.cau");
                await clerk.GetByLabel("Mật khẩu").FillAsync(Seed.Account("gioi.thieu.song.cau").Password);
                await clerk.Keyboard.PressAsync("Enter");
                await Assertions.Expect(clerk.Locator("h1")).ToHaveTextAsync("Xin chào, gioi.thieu.song.cau");
                await clerk.GotoAsync(new Uri(server.Address, Routes.For(Routes.ProcessPage, Ward)).ToString());
                await clerk.Locator("#reference-nominations").FillAsync("BC 09/SC");

                // The server completes the step, but its answer never reaches the page.
                var keys = new List<string?>();
                clerk.Request += (_, request) =>
                {
                    if (request.Method == "POST") keys.Add(request.Headers.GetValueOrDefault(IdempotencyKeys.HeaderName.ToLowerInvariant()));
                };
                await clerk.RouteAsync("**/steps/nominations/complete", async route =>
                {
                    await route.FetchAsync();
                    await route.AbortAsync();
                });
                await clerk.Locator("#complete-nominations button").ClickAsync();
                await Assertions.Expect(clerk.Locator("#complete-nominations .error-summary")).ToContainTextAsync("Không kết nối được máy chủ");
                await clerk.UnrouteAllAsync();

                await clerk.Locator("#complete-nominations button").ClickAsync();

                await Assertions.Expect(clerk.Locator("#step-nominations")).ToContainTextAsync("Đã xong");
                await Assertions.Expect(clerk.Locator(".error-summary")).ToHaveCountAsync(0);
                Assert.NotNull(Assert.Single(keys.Distinct()));
            }

            Assert.Equal(0, await server.StopAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
