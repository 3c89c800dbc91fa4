using Microsoft.Playwright;

namespace ElectionPrep.Browser;

/// <summary>Debian's chromium driven by Playwright (no browser download), headless, with screenshots kept under artifacts/screenshots.</summary>
public static class Browser
{
    public static readonly string Screenshots = Directory.CreateDirectory(Path.Combine(Infrastructure.Repository.Root, "artifacts", "screenshots")).FullName;

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>A new page whose console errors and script failures reach the test output, where a failing walk-through is read.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser)
    {
        var page = await browser.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") Console.Error.WriteLine($"browser console: {message.Text}");
        };
        page.PageError += (_, error) => Console.Error.WriteLine($"browser script error: {error}");
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });
}
