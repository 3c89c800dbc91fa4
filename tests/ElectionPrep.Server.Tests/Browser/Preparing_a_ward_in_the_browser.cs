using ElectionPrep.Demo;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Seeds;
using Microsoft.Playwright;

namespace ElectionPrep.Browser;

/// <summary>
/// The issue's walk-through, as new users would click it on the demo, in a real browser against the real server:
/// the ward clerk files a dossier that lifts the list over the women's share, closes the dossier window, and adopts the
/// preliminary list at round 2; the chair convenes and signs the minutes; the clerk records a voter conference; an
/// observer finds the decision in the audit timeline dated by the decision, its proof explained and verified, and the
/// process as of a moment written with +07:00, but not the protected data; and the
/// clerk cannot act on another ward. Each page is kept as a screenshot under artifacts/screenshots.
/// </summary>
public class Preparing_a_ward_in_the_browser
{
    private const string Ward = "2021-2026.commune-council.01837";
    private const string OtherWard = "2021-2026.commune-council.01834";
    private static readonly DemoSeed Seed = DemoSeedValidator.Load(SeedCatalog.DefaultPath);

    private Uri address = null!;

    private string Url(string path) => new Uri(address, path).ToString();

    private async Task<IPage> SignInAsync(IBrowser browser, string name)
    {
        // An American browser, whose own date fields would ask for mm/dd/yyyy: the pages' dates are typed day first all the same.
        var context = await browser.NewContextAsync(new() { Locale = "en-US" });
        var page = await context.NewPageAsync();
        page.PageError += (_, error) => Console.Error.WriteLine($"browser script error ({name}): {error}");
        await page.GotoAsync(Url(Routes.Dashboard));
        await page.GetByLabel("Tên đăng nhập").FillAsync(name);
        await page.GetByLabel("Mật khẩu").FillAsync(Seed.Account(name).Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Xin chào, {name}");
        return page;
    }

    /// <summary>Every field a person fills has a name a screen reader says: a label, or an aria-label.</summary>
    private static async Task AssertEveryFieldIsLabelledAsync(IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(field => field.labels.length === 0 && !field.getAttribute('aria-label'))
                .map(field => field.id || field.name)
            """);
        Assert.True(unlabelled.Length == 0, $"{page.Url}: fields without a label: {string.Join(", ", unlabelled)}");
    }

    [Fact]
    public async Task A_ward_files_adopts_and_signs_and_an_observer_verifies_it()
    {
        var folder = TestDatabase.TemporaryFolder();
        try
        {
            await using var server = ServerProcess.Start(new Dictionary<string, string> { ["EmbeddedDatabase__DataDirectory"] = folder }, DemoMode.Command);
            await server.DemoBannerAsync();
            address = server.Address;
            var (playwright, browser) = await Browser.LaunchAsync();
            using (playwright)
            await using (browser)
            {
                var clerk = await SignInAsync(browser, "thu.ky.song.cau");
                var frontClerk = clerk;
                await Browser.ScreenshotAsync(clerk, "walk-01-clerk-dashboard");
                await AssertEveryFieldIsLabelledAsync(clerk);

                // The list as it stands: two women of six, short of the share the law requires.
                await clerk.GotoAsync(Url(Routes.For(Routes.ListBuilderPage, Ward)));
                await Assertions.Expect(clerk.Locator("#quotas + ul li[data-rule='council-women']")).ToHaveAttributeAsync("data-outcome", "Fail");
                await Browser.ScreenshotAsync(clerk, "walk-02-list-women-short");
                await AssertEveryFieldIsLabelledAsync(clerk);

                // The Election Committee's secretary takes the dossiers. One sent half-filled is refused field by field, and nothing is filed.
                var secretary = await SignInAsync(browser, "thu.ky.ubbc.song.cau");
                clerk = secretary;
                await clerk.GotoAsync(Url(Routes.For(Routes.CandidatesPage, Ward)));
                await clerk.GetByRole(AriaRole.Link, new() { Name = "Nộp hồ sơ ứng cử" }).ClickAsync();
                await clerk.GetByLabel("Họ và tên").FillAsync("Hà Thị Thu Trang");
                await clerk.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();
                var summary = clerk.Locator("#dossier .error-summary");
                await Assertions.Expect(summary).ToBeFocusedAsync();
                await Assertions.Expect(summary.Locator("a[href='#citizenId']")).ToContainTextAsync("12 chữ số");
                await Assertions.Expect(clerk.Locator("#dateOfBirth")).ToHaveAttributeAsync("aria-invalid", "true");
                await Browser.ScreenshotAsync(clerk, "walk-03-dossier-refused");
                await AssertEveryFieldIsLabelledAsync(clerk);

                // The whole dossier, its documents hashed in the browser.
                await clerk.GetByLabel("Ngày sinh").FillAsync("19/08/1990");
                await clerk.GetByLabel("Nữ", new() { Exact = true }).CheckAsync();
                await clerk.GetByLabel("Dân tộc").FillAsync("Tày");
                await clerk.GetByLabel("Trình độ học vấn").FillAsync("Đại học");
                await clerk.GetByLabel("Nghề nghiệp, chức vụ").FillAsync("Phó Chủ tịch Hội Liên hiệp Phụ nữ phường");
                await clerk.GetByLabel("Nơi công tác", new() { Exact = true }).FillAsync("Hội Liên hiệp Phụ nữ phường Sông Cầu");
                await clerk.Locator("#residenceUnitCode").SelectOptionAsync("01837");
                await clerk.Locator("#nominatingBody").SelectOptionAsync("Hội Liên hiệp Phụ nữ phường");
                await clerk.Locator("#proposalOn").FillAsync("25/02/2021");
                await clerk.Locator("#proposalRef").FillAsync("BB 04/BB-PN-SC");
                await clerk.Locator("#workplaceOn").FillAsync("02/03/2021");
                await clerk.Locator("#workplaceInvited").FillAsync("40");
                await clerk.Locator("#workplacePresent").FillAsync("36");
                await clerk.Locator("#workplaceTrust").FillAsync("33");
                await clerk.Locator("#workplaceRef").FillAsync("BB 05/BB-PN-SC");
                await clerk.Locator("#decisionOn").FillAsync("04/03/2021");
                await clerk.Locator("#decisionRef").FillAsync("QĐ 06/QĐ-PN-SC");
                await Browser.ChooseDossierDocumentsAsync(clerk, "trang");

                await clerk.GetByLabel("Số định danh cá nhân").FillAsync("006190099123");
                await clerk.GetByLabel("Địa chỉ nơi cư trú").FillAsync("Tổ 4, phường Sông Cầu, thành phố Bắc Kạn");
                await clerk.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();
                await Assertions.Expect(clerk.Locator("h1")).ToHaveTextAsync("Hà Thị Thu Trang");
                await Assertions.Expect(clerk.Locator("td.fail")).ToHaveCountAsync(0);
                var candidacy = clerk.Url[(clerk.Url.LastIndexOf('/') + 1)..];
                await Browser.ScreenshotAsync(clerk, "walk-04-candidacy");
                await AssertEveryFieldIsLabelledAsync(clerk);

                await clerk.GotoAsync(Url(Routes.For(Routes.ListBuilderPage, Ward)));
                await Assertions.Expect(clerk.Locator("#quotas + ul li[data-rule='council-women']")).ToHaveAttributeAsync("data-outcome", "Pass");
                await Browser.ScreenshotAsync(clerk, "walk-05-list-women-met");
                await AssertEveryFieldIsLabelledAsync(clerk);

                // Nominations closed by the nominating bodies, the dossiers by the Election Committee: round 2 opens.
                var nominating = await SignInAsync(browser, "gioi.thieu.song.cau");
                foreach (var (person, step) in new[] { (nominating, "nominations"), (secretary, "dossiers-filed") })
                {
                    await person.GotoAsync(Url(Routes.For(Routes.ProcessPage, Ward)));
                    await person.Locator($"#reference-{step}").FillAsync($"BC {step}/SC");
                    await person.Locator($"#complete-{step} button").ClickAsync();
                    await Assertions.Expect(person.Locator($"#step-{step}")).ToContainTextAsync("Đã xong");
                }

                clerk = frontClerk;
                await clerk.GotoAsync(Url(Routes.For(Routes.ProcessPage, Ward)));

                await Browser.ReloadUntilAsync(clerk, "#step-second-consultation", "Chưa đủ điều kiện");
                await Browser.ScreenshotAsync(clerk, "walk-06-process");
                await AssertEveryFieldIsLabelledAsync(clerk);

                // The chair convenes round 2 and puts the preliminary list to the conference.
                var chair = await SignInAsync(browser, "chu.tich.song.cau");
                await chair.GotoAsync(Url(Routes.For(Routes.ConferencePage, $"{Ward}.round-2")));
                await chair.Locator("#place").FillAsync("Hội trường Ủy ban MTTQ Việt Nam phường Sông Cầu");
                await chair.Locator("#chairName").FillAsync("Ma Văn Quang");
                // One row for each body the law names, its choice in Vietnamese; a second Standing Board member needs a row added.
                foreach (var (row, name, post) in new[] { (0, "Ma Văn Quang", "Chủ tịch"), (4, "Bế Thị Thoa", "Chủ tịch"), (3, "Lục Văn Khoa", "Bí thư"),
                    (5, "Đàm Văn Lợi", "Chủ tịch"), (7, "Dương Văn Hải", "Chủ tịch") })
                {
                    await chair.Locator($"#invitee-{row}-name").FillAsync(name);
                    await chair.Locator($"#invitee-{row}-role").FillAsync(post);
                }

                await Assertions.Expect(chair.Locator("#invitee-7-participation option:checked")).ToHaveTextAsync("Khách mời");
                await chair.GetByRole(AriaRole.Button, new() { Name = "Xóa dòng 2" }).ClickAsync();
                await Assertions.Expect(chair.Locator("#invitee-1-name")).ToHaveCountAsync(0);
                await chair.GetByRole(AriaRole.Button, new() { Name = "Thêm người" }).ClickAsync();
                var added = chair.Locator("#invitees tbody tr").Last;
                await added.GetByLabel("Họ tên, dòng mới").FillAsync("Hoàng Thị Nga");
                await added.GetByLabel("Cơ quan, tổ chức, dòng mới").FillAsync("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam");
                await added.GetByLabel("Chức vụ, dòng mới").FillAsync("Phó Chủ tịch");

                // Without a date and time the meeting is not convened: the summary says so, linked to the field.
                await chair.GetByRole(AriaRole.Button, new() { Name = "Triệu tập" }).ClickAsync();
                await Assertions.Expect(chair.Locator("#convene .error-summary a[href='#scheduledAt']")).ToHaveTextAsync("Cần ngày và giờ họp.");
                await chair.Locator("#scheduledAt").FillAsync("08/03/2021 08:00");
                await chair.GetByRole(AriaRole.Button, new() { Name = "Triệu tập" }).ClickAsync();
                await Assertions.Expect(chair.Locator("#attendance")).ToBeVisibleAsync();
                await Assertions.Expect(chair.Locator("main")).ToContainTextAsync("08:00 08/03/2021");
                await Assertions.Expect(chair.Locator("#invitee-attendance tbody tr")).ToHaveCountAsync(6);

                // The clerk takes attendance; the chair puts the preliminary list to the conference.
                await clerk.GotoAsync(Url(Routes.For(Routes.ConferencePage, $"{Ward}.round-2")));
                foreach (var present in new[] { "Ma Văn Quang", "Hoàng Thị Nga", "Bế Thị Thoa", "Lục Văn Khoa", "Dương Văn Hải" })
                {
                    await clerk.Locator("#attendance").GetByLabel(present).CheckAsync();
                }

                await clerk.Locator("#attendance button").ClickAsync();
                await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync("Có mặt 4/5 người được triệu tập. Khách mời có mặt 1/1.");
                await Assertions.Expect(clerk.Locator("#invitee-attendance tr[data-present='no']")).ToContainTextAsync("Đàm Văn Lợi");
                await chair.ReloadAsync();
                await chair.Locator("#motion button").ClickAsync();
                await Assertions.Expect(chair.Locator("section h3")).ToContainTextAsync("Thông qua kết quả hiệp thương lần thứ 2");

                // The clerk records the vote and the preliminary list: every candidate standing.
                await clerk.ReloadAsync();
                await clerk.Locator("#for-ket-qua").FillAsync("4");
                await clerk.Locator("#against-ket-qua").FillAsync("0");
                await clerk.Locator("#vote-ket-qua button").ClickAsync();
                await Assertions.Expect(clerk.Locator("section p.pass")).ToContainTextAsync("Thông qua");
                await clerk.Locator("#decisions button").ClickAsync();
                await Assertions.Expect(clerk.Locator("#decided-candidates li")).ToHaveCountAsync(7);
                await Browser.ScreenshotAsync(clerk, "walk-07-conference-decided");
                await AssertEveryFieldIsLabelledAsync(clerk);

                // The chair signs; the minutes print.
                await chair.ReloadAsync();
                await chair.Locator("#minutesReference").FillAsync("BB 02/BB-MTTQ-SC ngày 08/03/2021");
                await chair.GetByRole(AriaRole.Button, new() { Name = "Ký biên bản" }).ClickAsync();
                await Assertions.Expect(chair.Locator("#minutes-signed")).ToContainTextAsync("ký bởi chu.tich.song.cau");
                await Browser.ScreenshotAsync(chair, "walk-08-minutes-signed");
                await AssertEveryFieldIsLabelledAsync(chair);
                await chair.GotoAsync(Url(Routes.For(Routes.ConferenceMinutesPage, $"{Ward}.round-2")));
                await Assertions.Expect(chair.Locator("body")).ToContainTextAsync("Hà Thị Thu Trang");
                await Browser.ScreenshotAsync(chair, "walk-09-minutes-print");
                await AssertEveryFieldIsLabelledAsync(chair);

                // Round 2 done, the voters meet: the step waits for a conference for each of the seven; the clerk records the residence conference.
                await clerk.GotoAsync(Url(Routes.For(Routes.ProcessPage, Ward)));
                await Browser.ReloadUntilAsync(clerk, "#step-voter-conferences", "Chưa đủ điều kiện");
                await Assertions.Expect(clerk.Locator("#step-voter-conferences")).ToContainTextAsync("7 người ứng cử trong danh sách sơ bộ chưa có đủ hội nghị cử tri");
                await clerk.GotoAsync(Url(Routes.For(Routes.CandidacyPage, candidacy)));
                await Browser.RecordAResidenceVoterConferenceAsync(clerk, "Hoàng Thị Nga\nLục Văn Khoa\nĐàm Văn Lợi", "BB 07/BB-HNCT-SC");
                await Browser.ScreenshotAsync(clerk, "walk-10-voter-conference");
                await AssertEveryFieldIsLabelledAsync(clerk);

                // An observer finds the decision in the round's timeline, its proof verified against the signed log.
                var observer = await SignInAsync(browser, "giam.sat");
                await observer.GotoAsync(Url(Routes.For(Routes.AuditTrailPage, $"{Ward}.round-2")));
                var decision = observer.Locator("tr[data-type='round_decisions_recorded']");
                await Browser.ReloadUntilAsync(observer, "tr[data-type='round_decisions_recorded']", "Đã xác minh");
                await Assertions.Expect(decision).ToContainTextAsync("thu.ky.song.cau");
                // Dated by the decision (the demo's 2021 calendar), not by when the demo recorded it.
                await Assertions.Expect(decision.Locator(".when")).ToContainTextAsync("/2021");
                await Browser.ScreenshotAsync(observer, "walk-11-audit-timeline");
                await AssertEveryFieldIsLabelledAsync(observer);
                await decision.GetByRole(AriaRole.Link, new() { Name = "Bằng chứng" }).ClickAsync();
                await Assertions.Expect(observer.Locator("#verdict")).ToHaveTextAsync("Kết luận: sự kiện đã được xác minh.");
                await Browser.ScreenshotAsync(observer, "walk-11b-proof");
                await AssertEveryFieldIsLabelledAsync(observer);

                // The process as the log recorded it at a moment written with the +07:00 offset.
                var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));
                var moment = now.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
                await observer.GotoAsync(Url($"{Routes.For(Routes.AuditTrailPage, Ward)}?asOf={Uri.EscapeDataString(moment)}"));
                await Assertions.Expect(observer.Locator("h2#as-of")).ToContainTextAsync("Trạng thái như nhật ký ghi nhận lúc");
                await Assertions.Expect(observer.Locator("#asOf")).ToHaveValueAsync(now.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture));
                await Browser.ScreenshotAsync(observer, "walk-11c-audit-as-of");
                await observer.SetViewportSizeAsync(390, 844);
                await PageChecks.AssertNoSidewaysScrollingAsync(observer);
                await Browser.ScreenshotAsync(observer, "walk-11d-audit-on-a-phone");
                await observer.SetViewportSizeAsync(1280, 720);

                // ...but not the candidate's protected data.
                await observer.GotoAsync(Url(Routes.For(Routes.CandidacyProtectedDataPage, candidacy)));
                await Assertions.Expect(observer.Locator("h1")).ToHaveTextAsync("Không có quyền");
                await Browser.ScreenshotAsync(observer, "walk-12-observer-refused");
                await AssertEveryFieldIsLabelledAsync(observer);
                await observer.GotoAsync(Url(Routes.For(Routes.CandidacyPage, candidacy)));
                await Assertions.Expect(observer.Locator("main")).Not.ToContainTextAsync("006190099123");

                // The ward's clerk cannot even open the neighbouring ward's proceedings before its list is published: refused with the reason.
                await clerk.GotoAsync(Url(Routes.For(Routes.ConferencePage, $"{OtherWard}.round-2")));
                await Assertions.Expect(clerk.Locator("h1")).ToHaveTextAsync("Không có quyền");
                await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync("thuộc địa bàn khác");
                await Browser.ScreenshotAsync(clerk, "walk-13-outside-jurisdiction");
                await AssertEveryFieldIsLabelledAsync(clerk);
            }

            Assert.Equal(0, await server.StopAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
