using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Microsoft.Playwright;

namespace ElectionPrep.Browser;

/// <summary>
/// A newcomer's first minutes, in a real browser against the real server: the printed one-time password, sign-in, a
/// password of their own, the dashboard, the first account.
/// </summary>
public class Signing_in_with_a_browser
{
    [Fact]
    public async Task The_first_administrator_signs_in_by_keyboard_and_creates_the_first_account()
    {
        var folder = TestDatabase.TemporaryFolder();
        try
        {
            await using var server = ServerProcess.Start(new Dictionary<string, string> { ["EmbeddedDatabase__DataDirectory"] = folder });
            using (await server.WaitUntilHealthyAsync())
            {
                var password = server.OneTimePassword;
                var (playwright, browser) = await Browser.LaunchAsync();
                using (playwright)
                await using (browser)
                {
                    var page = await Browser.NewPageAsync(browser);
                    await page.GotoAsync(new Uri(server.Address, Routes.Dashboard).ToString());
                    Assert.EndsWith($"{Routes.SignIn}?ReturnUrl={Uri.EscapeDataString(Routes.Dashboard)}", page.Url, StringComparison.Ordinal);
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

                    // The one-time password's session can only choose a new password, then goes on signed in.
                    await page.WaitForURLAsync(new Uri(server.Address, Routes.OwnPasswordPage).ToString());
                    await Browser.ScreenshotAsync(page, "change-password");
                    await page.GetByLabel("Mật khẩu hiện tại").FillAsync(password);
                    await page.GetByLabel("Mật khẩu mới").FillAsync("mat-khau-moi-cua-quan-tri");
                    await page.GetByRole(AriaRole.Button, new() { Name = "Đổi mật khẩu" }).ClickAsync();
                    await page.WaitForURLAsync(new Uri(server.Address, Routes.Dashboard).ToString());
                    await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Xin chào, admin");
                    await Browser.ScreenshotAsync(page, "dashboard");

                    // A form sent empty: one summary of what is wrong, each line a link to its field, the fields marked.
                    await page.GotoAsync(new Uri(server.Address, Routes.AccountsPage).ToString());
                    await page.GetByRole(AriaRole.Button, new() { Name = "Tạo", Exact = true }).ClickAsync();
                    var summary = page.Locator("#create-account .error-summary");
                    await Assertions.Expect(summary).ToBeFocusedAsync();
                    await Assertions.Expect(summary.Locator("a[href='#name']")).ToContainTextAsync("Cần tên đăng nhập.");
                    await Assertions.Expect(page.Locator("#password")).ToHaveAttributeAsync("aria-invalid", "true");
                    await Browser.ScreenshotAsync(page, "accounts-refused");
                    await summary.Locator("a[href='#name']").ClickAsync();
                    await Assertions.Expect(page.Locator("#name")).ToBeFocusedAsync();

                    await page.Keyboard.TypeAsync("thu.ky.01834");
                    await page.Locator("#password").FillAsync("mat-khau-du-dai-123");
                    await page.GetByLabel("Cán bộ nghiệp vụ").CheckAsync();
                    await page.Locator("#body").SelectOptionAsync("FrontStandingBoard");
                    await page.Locator("#jurisdiction").FillAsync("01834");
                    await page.GetByRole(AriaRole.Button, new() { Name = "Tạo", Exact = true }).ClickAsync();
                    await Assertions.Expect(page.Locator("table")).ToContainTextAsync("thu.ky.01834");
                    await Browser.ScreenshotAsync(page, "accounts");

                    // English is a switch away, and stays chosen.
                    await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
                    await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Accounts");
                    await page.GotoAsync(new Uri(server.Address, Routes.Dashboard).ToString());
                    await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Welcome, admin");
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
