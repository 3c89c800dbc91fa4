using System.Text;
using System.Text.RegularExpressions;
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

    /// <summary>Chooses a file for each of the dossier form's five documents, named after <paramref name="person"/>, and waits for each hash.</summary>
    public static async Task ChooseDossierDocumentsAsync(IPage page, string person)
    {
        for (var i = 0; i < 5; i++)
        {
            var name = $"{person}-{i}.pdf";
            await page.Locator($"#file-{i}").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes($"%PDF-1.4 {name}") });
            await Assertions.Expect(page.Locator($"#document-{i} output")).ToHaveTextAsync(new Regex("^[0-9a-f]{16}…$"));
        }
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });

    /// <summary>Runs <paramref name="walk"/> against a demo server of its own (a throwaway database) in a fresh browser; the server must stop cleanly.</summary>
    public static async Task OnTheDemoAsync(Func<Uri, IBrowser, Task> walk)
    {
        var folder = Infrastructure.TestDatabase.TemporaryFolder();
        try
        {
            await using var server = Infrastructure.ServerProcess.Start(new Dictionary<string, string> { ["EmbeddedDatabase__DataDirectory"] = folder }, Demo.DemoMode.Command);
            await server.DemoBannerAsync();
            var (playwright, browser) = await LaunchAsync();
            using (playwright)
            await using (browser)
            {
                await walk(server.Address, browser);
            }

            Assert.Equal(0, await server.StopAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A new page signed in as <paramref name="account"/> through the sign-in form, on its dashboard.</summary>
    public static async Task<IPage> SignedInAsync(IBrowser browser, Uri server, Demo.DemoAccount account)
    {
        var page = await NewPageAsync(browser);
        await page.GotoAsync(new Uri(server, Http.Routes.Dashboard).ToString());
        await page.GetByLabel("Tên đăng nhập").FillAsync(account.Name);
        await page.GetByLabel("Mật khẩu").FillAsync(account.Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Xin chào, {account.Name}");
        return page;
    }
}
