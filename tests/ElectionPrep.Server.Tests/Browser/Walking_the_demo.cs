using ElectionPrep.Http;
using Microsoft.Playwright;

namespace ElectionPrep.Browser;

/// <summary>
/// One demo server for every role's walk-through (they only read): ward 01834 (Nguyễn Thị Minh Khai) taken past round 2 in
/// the browser — the vote and the preliminary list recorded, the minutes signed — and a voter conference recorded, so
/// the lists, the minutes and the voter conference's minutes have something to show.
/// </summary>
public sealed class Walking_the_demo : IAsyncLifetime
{
    public const string Collection = "Walking the demo";
    public const string Ward = "2021-2026.commune-council.01834";
    public const string OtherWard = "2021-2026.commune-council.01837";
    public static readonly string RoundTwo = $"{Ward}.round-2";

    private DemoSite? site;

    public DemoSite Site => site ?? throw new InvalidOperationException("The demo has not started.");

    /// <summary>The candidacy whose residence voter conference is recorded, and its candidate's name.</summary>
    public (string Id, string FullName) Candidacy { get; private set; }

    public async Task InitializeAsync()
    {
        site = await DemoSite.StartAsync();
        var conference = Site.Url(Routes.For(Routes.ConferencePage, RoundTwo));

        var clerk = await Site.SignInAsync("thu.ky.phuong");
        await clerk.GotoAsync(conference);
        await clerk.Locator("#for-danh-sach-so-bo").FillAsync("6");
        await clerk.Locator("#against-danh-sach-so-bo").FillAsync("0");
        await clerk.Locator("#vote-danh-sach-so-bo button").ClickAsync();
        await Assertions.Expect(clerk.Locator("section p.pass")).ToContainTextAsync("Thông qua");
        await clerk.Locator("#decisions button").ClickAsync();
        await Assertions.Expect(clerk.Locator("#decided-candidates li").First).ToBeVisibleAsync();

        var chair = await Site.SignInAsync("chu.tich.phuong");
        await chair.GotoAsync(conference);
        await chair.Locator("#minutesReference").FillAsync("BB 02/BB-MTTQ ngày 08/03/2021");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Ký biên bản" }).ClickAsync();
        await Assertions.Expect(chair.Locator("#minutes-signed")).ToBeVisibleAsync();
        await chair.Context.CloseAsync();

        // The signed minutes open the voter conferences a moment later, by a cascaded message.
        await clerk.GotoAsync(Site.Url(Routes.For(Routes.ProcessPage, Ward)));
        await Browser.ReloadUntilAsync(clerk, "#step-voter-conferences", "Chưa đủ điều kiện");
        await clerk.GotoAsync(conference);
        var first = clerk.Locator("#decided-candidates a").First;
        Candidacy = ((await first.GetAttributeAsync("href"))!.Split('/')[^1], await first.InnerTextAsync());
        await clerk.GotoAsync(Site.Url(Routes.For(Routes.CandidacyPage, Candidacy.Id)));
        await Browser.RecordAResidenceVoterConferenceAsync(clerk, "Hà Văn Khánh\nĐinh Thị Lan\nTriệu Thị Hồng", "BB 03/BB-HNCT-NTMK");
        await clerk.Context.CloseAsync();
    }

    /// <summary>Opens <paramref name="path"/> and checks it at every width (<see cref="PageChecks.AtEveryWidthAsync"/>).</summary>
    public async Task CheckAsync(IPage page, string path, string heading, string screenshot)
    {
        await page.GotoAsync(Site.Url(path));
        await PageChecks.AtEveryWidthAsync(page, heading, screenshot);
    }

    /// <summary>
    /// The ward's pages everyone who works on or watches its process reads: the process, its candidates and one candidacy,
    /// the list builder, the preliminary list and the round 2 conference. Screenshots: <paramref name="role"/>-ward-*.png.
    /// </summary>
    public async Task CheckTheWardAsync(IPage page, string role)
    {
        await CheckAsync(page, Routes.For(Routes.ProcessPage, Ward), "Nguyễn Thị Minh Khai", $"{role}-ward-1-process");
        await CheckAsync(page, Routes.For(Routes.CandidatesPage, Ward), "Người ứng cử", $"{role}-ward-2-candidates");
        await CheckAsync(page, Routes.For(Routes.CandidacyPage, Candidacy.Id), Candidacy.FullName, $"{role}-ward-3-candidacy");
        await CheckAsync(page, Routes.For(Routes.ListBuilderPage, Ward), "Lập danh sách", $"{role}-ward-4-list-builder");
        await CheckAsync(page, Routes.For(Routes.PreliminaryListPage, Ward), "DANH SÁCH SƠ BỘ", $"{role}-ward-5-preliminary-list");
        await CheckAsync(page, Routes.For(Routes.ConferencePage, RoundTwo), "Hội nghị hiệp thương lần thứ 2", $"{role}-ward-6-conference");
    }

    public async Task DisposeAsync()
    {
        if (site is null) return;
        await using (site)
        {
            await site.StopAsync();
        }
    }
}

[CollectionDefinition(Walking_the_demo.Collection)]
public sealed class Walking_the_demo_collection : ICollectionFixture<Walking_the_demo>;
