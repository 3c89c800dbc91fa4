using System.Text.RegularExpressions;
using ElectionPrep.Infrastructure;
using Microsoft.Playwright;

namespace ElectionPrep.Browser;

/// <summary>A newcomer's first minutes, in a real browser against the real server: the printed one-time password, sign-in, the dashboard.</summary>
public partial class Signing_in_with_a_browser
{
    [GeneratedRegex("one-time password: (\\S+)")]
    private static partial Regex OneTimePassword();

    [Fact]
    public async Task The_first_administrator_signs_in_by_keyboard_and_reaches_the_dashboard()
    {
        var folder = TestDatabase.TemporaryFolder();
        try
        {
            await using var server = ServerProcess.Start(new Dictionary<string, string> { ["EmbeddedDatabase__DataDirectory"] = folder });
            using (await server.WaitUntilHealthyAsync())
            {
                var password = OneTimePassword().Match(server.Output).Groups[1].Value;
                var (playwright, browser) = await Browser.LaunchAsync();
                using (playwright)
                await using (browser)
                {
                    var page = await browser.NewPageAsync();
                    await page.GotoAsync(new Uri(server.Address, "/").ToString());
                    Assert.EndsWith("/sign-in?ReturnUrl=%2F", page.Url, StringComparison.Ordinal);
                    await Browser.ScreenshotAsync(page, "sign-in");

                    // Labelled fields, reachable in order by keyboard.
                    await page.GetByLabel("Tên đăng nhập").FocusAsync();
                    await page.Keyboard.TypeAsync("admin");
                    await page.Keyboard.PressAsync("Tab");
                    await page.Keyboard.TypeAsync("sai-mat-khau");
                    await page.Keyboard.PressAsync("Enter");
                    await Assertions.Expect(page.Locator("#sign-in-error")).ToContainTextAsync("Tên đăng nhập hoặc mật khẩu không đúng.");
                    await Browser.ScreenshotAsync(page, "sign-in-refused");

                    await page.GetByLabel("Mật khẩu").FillAsync(password);
                    await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
                    await page.WaitForURLAsync(new Uri(server.Address, "/").ToString());
                    await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Xin chào, admin");
                    await Browser.ScreenshotAsync(page, "dashboard");
                }
            }

            Assert.Equal(0, await server.StopAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
