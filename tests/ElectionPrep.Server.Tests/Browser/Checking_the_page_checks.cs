using Microsoft.Playwright;
using Xunit.Sdk;

namespace ElectionPrep.Browser;

/// <summary>
/// The walk-throughs found nothing to fix on their first run; these show their checks can fail, on pages written here
/// with the faults they look for (no server needed).
/// </summary>
public class Checking_the_page_checks : IAsyncLifetime
{
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async Task InitializeAsync() => (playwright, browser) = await Browser.LaunchAsync();

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    private async Task<IPage> PhoneShowing(string body)
    {
        var page = await Browser.NewPageAsync(browser);
        await page.SetViewportSizeAsync(390, 844);
        await page.SetContentAsync($"""<!doctype html><html lang="vi"><head><title>Thử</title></head><body><main><h1>Thử</h1>{body}</main></body></html>""");
        return page;
    }

    [Fact]
    public async Task A_table_wider_than_a_phone_fails_the_sideways_check_naming_it()
    {
        var page = await PhoneShowing("""<table id="wide"><tr><td style="min-width:700px">Danh sách</td></tr></table>""");

        var failure = await Assert.ThrowsAsync<TrueException>(() => PageChecks.AssertNoSidewaysScrollingAsync(page));

        Assert.Contains("390 px window", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Danh sách", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_without_a_label_fails_the_accessibility_audit_naming_the_rule()
    {
        var page = await PhoneShowing("""<form><input id="unnamed" type="text" /></form>""");

        var failure = await Assert.ThrowsAsync<TrueException>(() => PageChecks.AssertAccessibleAsync(page));

        Assert.Contains("label (critical) at #unnamed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_labelled_page_that_fits_passes_both_checks()
    {
        var page = await PhoneShowing("""<form><label for="named">Họ và tên</label><input id="named" type="text" /></form>""");

        await PageChecks.AssertNoSidewaysScrollingAsync(page);
        await PageChecks.AssertAccessibleAsync(page);
    }
}
