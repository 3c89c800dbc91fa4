using ElectionPrep.Demo;
using ElectionPrep.Infrastructure;
using ElectionPrep.Seeds;
using Microsoft.Playwright;

namespace ElectionPrep.Browser;

/// <summary>A demo server of its own (a throwaway database) and a headless browser; <see cref="StopAsync"/> checks the server stops cleanly.</summary>
public sealed class DemoSite : IAsyncDisposable
{
    public static readonly DemoSeed Seed = DemoSeedValidator.Load(SeedCatalog.DefaultPath);

    private readonly string folder;
    private readonly ServerProcess server;
    private readonly IPlaywright playwright;

    private DemoSite(string folder, ServerProcess server, IPlaywright playwright, IBrowser browser)
    {
        this.folder = folder;
        this.server = server;
        this.playwright = playwright;
        Browser = browser;
    }

    public Uri Address => server.Address;

    public IBrowser Browser { get; }

    public string Url(string path) => new Uri(Address, path).ToString();

    /// <summary>A new page (its own cookies) signed in as the demo account <paramref name="name"/>, on its dashboard.</summary>
    public Task<IPage> SignInAsync(string name) => ElectionPrep.Browser.Browser.SignedInAsync(Browser, Address, Seed.Account(name));

    public static async Task<DemoSite> StartAsync()
    {
        var folder = TestDatabase.TemporaryFolder();
        var server = ServerProcess.Start(new Dictionary<string, string> { ["EmbeddedDatabase__DataDirectory"] = folder }, DemoMode.Command);
        try
        {
            await server.DemoBannerAsync();
            var (playwright, browser) = await ElectionPrep.Browser.Browser.LaunchAsync();
            return new DemoSite(folder, server, playwright, browser);
        }
        catch
        {
            await server.DisposeAsync();
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>Closes the browser and stops the server as a service manager would: it must exit with 0.</summary>
    public async Task StopAsync()
    {
        await Browser.CloseAsync();
        Assert.Equal(0, await server.StopAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await server.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
