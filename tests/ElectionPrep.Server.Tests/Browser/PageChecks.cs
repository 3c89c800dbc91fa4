using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ElectionPrep.Browser;

/// <summary>
/// What every page must hold at a laptop's width and a phone's: its main heading shows, nothing scrolls sideways, and the
/// axe audit (WCAG 2.0 and 2.1, levels A and AA) finds nothing serious or critical. Each failure names what to fix.
/// </summary>
public static class PageChecks
{
    /// <summary>A laptop's screen, then a phone's (390 CSS px, the common iPhone); the phone's view is the one screenshotted.</summary>
    public static readonly IReadOnlyList<(int Width, int Height)> Viewports = [(1366, 900), (390, 844)];

    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = RunOnlyOptions.Tags("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"),
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>
    /// Checks the page as it stands at each of <see cref="Viewports"/>: one main heading containing <paramref name="heading"/>,
    /// no sideways scrolling, no serious accessibility violation; keeps the phone's view as <paramref name="screenshot"/>.
    /// </summary>
    public static async Task AtEveryWidthAsync(IPage page, string heading, string screenshot)
    {
        foreach (var (width, height) in Viewports)
        {
            await page.SetViewportSizeAsync(width, height);
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(heading);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await AssertNoSidewaysScrollingAsync(page);
            await AssertAccessibleAsync(page);
        }

        await Browser.ScreenshotAsync(page, screenshot);
    }

    /// <summary>The page is no wider than the window; if it is, the message names the element reaching furthest right.</summary>
    public static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<string?>(
            """
            () => {
                const width = window.innerWidth;
                const scrollWidth = document.documentElement.scrollWidth;
                if (scrollWidth <= width) return null;
                const name = element => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
                    + [...element.classList].map(c => '.' + c).join('');
                let widest = null, right = width;
                for (const element of document.body.querySelectorAll('*')) {
                    const box = element.getBoundingClientRect();
                    // The deepest of equally wide elements: the one to fix, not its containers.
                    if (box.width > 0 && box.right >= right) { right = box.right; widest = element; }
                }
                const path = [];
                for (let element = widest; element && element !== document.body && path.length < 4; element = element.parentElement) path.unshift(name(element));
                const text = widest ? widest.textContent.trim().replace(/\s+/g, ' ').slice(0, 60) : '';
                return `${scrollWidth} px wide in a ${width} px window; widest: ${path.join(' > ')} reaching ${Math.round(right)} px ("${text}")`;
            }
            """);
        Assert.True(overflow is null, $"{page.Url} scrolls sideways: {overflow}");
    }

    /// <summary>No violation of impact serious or critical; the message lists each with its rule, impact, element and help.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag);
        var serious = result.Violations.Where(violation => violation.Impact is "serious" or "critical")
            .SelectMany(violation => violation.Nodes.Select(node => $"{violation.Id} ({violation.Impact}) at {node.Target}: {violation.Help}"))
            .ToList();
        var width = page.ViewportSize?.Width;
        Assert.True(serious.Count == 0, $"{page.Url} at {width} px, axe finds:\n{string.Join("\n", serious)}");
    }
}
