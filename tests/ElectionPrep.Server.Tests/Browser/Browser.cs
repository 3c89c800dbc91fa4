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

    /// <summary>
    /// A new page (with <paramref name="options"/>, e.g. another locale) whose console errors and script failures reach
    /// the test output, where a failing walk-through is read.
    /// </summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, BrowserNewPageOptions? options = null)
    {
        var page = await browser.NewPageAsync(options);
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
        await using var site = await DemoSite.StartAsync();
        await walk(site.Address, site.Browser);
        await site.StopAsync();
    }

    /// <summary>A new page signed in as <paramref name="account"/> through the sign-in form, on its dashboard.</summary>
    public static async Task<IPage> SignedInAsync(IBrowser browser, Uri server, Demo.DemoAccount account, BrowserNewPageOptions? options = null)
    {
        var page = await NewPageAsync(browser, options);
        await page.GotoAsync(new Uri(server, Http.Routes.Dashboard).ToString());
        await SignInAsync(page, account);
        return page;
    }

    /// <summary>Signs in as <paramref name="account"/> on the sign-in form <paramref name="page"/> shows, and lands on the dashboard.</summary>
    public static async Task SignInAsync(IPage page, Demo.DemoAccount account)
    {
        await page.GetByLabel("Tên đăng nhập").FillAsync(account.Name);
        await page.GetByLabel("Mật khẩu").FillAsync(account.Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Xin chào, {account.Name}");
    }

    /// <summary>Steps open by cascaded messages a moment after the action: reload as a person would until <paramref name="selector"/> shows <paramref name="text"/>.</summary>
    public static async Task ReloadUntilAsync(IPage page, string selector, string text)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            if ((await page.Locator(selector).AllInnerTextsAsync()).Any(inner => inner.Contains(text, StringComparison.Ordinal))) return;
            await Task.Delay(500);
            await page.ReloadAsync();
        }

        await Assertions.Expect(page.Locator(selector)).ToContainTextAsync(text);
    }

    /// <summary>
    /// Records, on the candidacy page <paramref name="page"/> shows, a residence voter conference of 10/03/2021 that trusts the
    /// candidate (104 of 120 voters present, 98 for, 6 against), counted by <paramref name="countingTeam"/>.
    /// </summary>
    public static async Task RecordAResidenceVoterConferenceAsync(IPage page, string countingTeam, string minutesReference)
    {
        await page.Locator("#kind").SelectOptionAsync("Residence");
        await page.Locator("#heldOn").FillAsync("10/03/2021");
        await page.Locator("#invited").FillAsync("120");
        await page.Locator("#present").FillAsync("104");
        await page.Locator("#trust").FillAsync("98");
        await page.Locator("#distrust").FillAsync("6");
        await page.Locator("#countingTeam").FillAsync(countingTeam);
        await page.Locator("#minutesReference").FillAsync(minutesReference);
        await page.Locator("#voter-conference button").ClickAsync();
        await Assertions.Expect(page.Locator("main table").Last).ToContainTextAsync("Được tín nhiệm");
    }
}
