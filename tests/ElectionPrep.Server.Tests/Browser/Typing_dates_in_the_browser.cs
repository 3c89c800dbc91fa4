using System.Text.Json;
using ElectionPrep.Demo;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Seeds;
using Microsoft.Playwright;

namespace ElectionPrep.Browser;

/// <summary>The demo server and a browser, shared by the specs of one class: starting the demo takes a while.</summary>
public sealed class DemoInABrowser : IAsyncLifetime
{
    private readonly string folder = TestDatabase.TemporaryFolder();
    private ServerProcess server = null!;
    private IPlaywright playwright = null!;

    public Uri Address => server.Address;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        server = ServerProcess.Start(new Dictionary<string, string> { ["EmbeddedDatabase__DataDirectory"] = folder }, DemoMode.Command);
        await server.DemoBannerAsync();
        (playwright, Browser) = await ElectionPrep.Browser.Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await server.StopAsync();
        await server.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>
/// Dates are typed day first, dd/mm/yyyy, whatever the browser's locale: here an American one, whose own date field
/// would ask for mm/dd/yyyy. The page sends the API an ISO date, and refuses a day that does not exist on its field.
/// </summary>
public class Typing_dates_in_the_browser(DemoInABrowser demo) : IClassFixture<DemoInABrowser>
{
    private const string Ward = "2021-2026.commune-council.01837";
    private const string Secretary = "thu.ky.ubbc.song.cau";
    private static readonly DemoSeed Seed = DemoSeedValidator.Load(SeedCatalog.DefaultPath);

    /// <summary>The Election Committee's secretary, in a browser set to American English, on the form for a new dossier.</summary>
    private async Task<IPage> NewDossierFormAsync()
    {
        var page = await Browser.SignedInAsync(demo.Browser, demo.Address, Seed.Account(Secretary), new() { Locale = "en-US", TimezoneId = "America/New_York" });
        await page.GotoAsync(new Uri(demo.Address, Routes.For(Routes.NewDossierPage, Ward)).ToString());
        return page;
    }

    private static List<string> PostsTo(IPage page)
    {
        var posted = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST") posted.Add(request.PostData ?? "");
        };
        return posted;
    }

    [Fact]
    public async Task A_date_typed_day_first_reaches_the_api_as_an_iso_date()
    {
        var page = await NewDossierFormAsync();
        var posted = PostsTo(page);

        await page.GetByLabel("Ngày sinh").FillAsync("05/03/1986");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();

        // The dossier is otherwise empty, so the server refuses it, on other fields: nothing is filed.
        await Assertions.Expect(page.Locator("#dossier .error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#dateOfBirth")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        using var body = JsonDocument.Parse(Assert.Single(posted));
        Assert.Equal("1986-03-05", body.RootElement.GetProperty("dateOfBirth").GetString());
    }

    [Fact]
    public async Task A_day_that_does_not_exist_is_refused_on_its_field_and_nothing_is_sent()
    {
        var page = await NewDossierFormAsync();
        var posted = PostsTo(page);

        await page.GetByLabel("Ngày sinh").FillAsync("31/02/1986");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();

        var summary = page.Locator("#dossier .error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.Locator("a[href='#dateOfBirth']")).ToHaveTextAsync("Không có ngày 31/02/1986 trong lịch; ghi ngày theo dạng dd/mm/yyyy.");
        await Assertions.Expect(page.Locator("#dateOfBirth")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#dateOfBirth-error")).ToContainTextAsync("Không có ngày 31/02/1986");
        Assert.Empty(posted);
    }

    [Fact]
    public async Task A_date_written_month_first_as_the_locale_would_is_refused_on_its_field()
    {
        var page = await NewDossierFormAsync();
        var posted = PostsTo(page);

        await page.GetByLabel("Ngày sinh").FillAsync("03/25/1986");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();

        await Assertions.Expect(page.Locator("#dossier .error-summary a[href='#dateOfBirth']")).ToContainTextAsync("Không có ngày 03/25/1986");
        Assert.Empty(posted);
    }
}
