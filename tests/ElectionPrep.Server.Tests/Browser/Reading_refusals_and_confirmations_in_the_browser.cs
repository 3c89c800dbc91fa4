using System.Globalization;
using ElectionPrep.Demo;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using Microsoft.Playwright;

namespace ElectionPrep.Browser;

/// <summary>
/// What a person reads after pressing a button, in a real browser on the demo: a refusal is a sentence beside the field
/// it concerns, the law's rules included from the first submit, never a status code, a key or a rule's id; an action
/// that succeeds says so in a banner on the page it leads to.
/// </summary>
public class Reading_refusals_and_confirmations_in_the_browser
{
    private const string Ward = "2021-2026.commune-council.01837";
    private static readonly DemoSeed Seed = DemoSeedValidator.Load(SeedCatalog.DefaultPath);

    /// <summary>A date as the field takes it: a date picker's ISO value, or the dd/MM/yyyy a person types.</summary>
    private static async Task FillDateAsync(ILocator field, DateOnly day) =>
        await field.FillAsync(day.ToString(await field.GetAttributeAsync("type") == "date" ? "yyyy-MM-dd" : "dd/MM/yyyy", CultureInfo.InvariantCulture));

    [Fact]
    public async Task An_under_age_dossier_is_refused_beside_the_date_of_birth_on_the_first_submit_and_a_corrected_one_is_confirmed() =>
        await Browser.OnTheDemoAsync(async (server, browser) =>
        {
            var clerk = await Browser.SignedInAsync(browser, server, Seed.Account("thu.ky.ubbc.song.cau"));
            await clerk.GotoAsync(new Uri(server, Routes.For(Routes.NewDossierPage, Ward)).ToString());
            await clerk.GetByLabel("Họ và tên").FillAsync("Lục Thị Hoa");
            await FillDateAsync(clerk.Locator("#dateOfBirth"), new DateOnly(2002, 1, 10));
            await clerk.GetByLabel("Nữ", new() { Exact = true }).CheckAsync();
            await clerk.GetByLabel("Dân tộc").FillAsync("Tày");
            await clerk.GetByLabel("Trình độ học vấn").FillAsync("Cao đẳng");
            await clerk.GetByLabel("Nghề nghiệp, chức vụ").FillAsync("Bí thư Chi đoàn tổ 3");
            await clerk.GetByLabel("Nơi công tác", new() { Exact = true }).FillAsync("Tổ dân phố 3, phường Sông Cầu");
            await clerk.Locator("#residenceUnitCode").SelectOptionAsync("01837");
            await clerk.GetByLabel("Tự ứng cử").CheckAsync();
            await Browser.ChooseDossierDocumentsAsync(clerk, "hoa");

            await clerk.GetByLabel("Số định danh cá nhân").FillAsync("006302000456");
            await clerk.GetByLabel("Địa chỉ nơi cư trú").FillAsync("Tổ 3, phường Sông Cầu, thành phố Bắc Kạn");
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();

            var summary = clerk.Locator("#dossier .error-summary");
            await Assertions.Expect(summary).ToBeFocusedAsync();
            await Assertions.Expect(summary.Locator("a[href='#dateOfBirth']")).ToContainTextAsync("Chưa đủ 21 tuổi vào ngày bầu cử 23/05/2021");
            await Assertions.Expect(clerk.Locator("#dateOfBirth")).ToHaveAttributeAsync("aria-invalid", "true");
            var read = await summary.InnerTextAsync();
            foreach (var code in new[] { "409", "400", "minimum-age", "ineligible", "dateOfBirth", "[" }) Assert.DoesNotContain(code, read, StringComparison.Ordinal);
            await Browser.ScreenshotAsync(clerk, "plain-01-dossier-under-age");

            await FillDateAsync(clerk.Locator("#dateOfBirth"), new DateOnly(1996, 4, 2));
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();

            await Assertions.Expect(clerk.Locator("h1")).ToHaveTextAsync("Lục Thị Hoa");
            await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã nộp hồ sơ ứng cử.");
            await Browser.ScreenshotAsync(clerk, "plain-02-dossier-filed");

            // The banner says it once: the next page is quiet.
            await clerk.ReloadAsync();
            await Assertions.Expect(clerk.Locator(".done-banner")).ToHaveCountAsync(0);
        });

    [Fact]
    public async Task An_administrator_creating_an_account_and_resetting_its_password_is_told_each_is_done() =>
        await Browser.OnTheDemoAsync(async (server, browser) =>
        {
            var administrator = await Browser.SignedInAsync(browser, server, Seed.Account("quan.tri"));
            await administrator.GotoAsync(new Uri(server, Routes.AccountsPage).ToString());
            await administrator.Locator("#name").FillAsync("thu.ky.moi");
            await administrator.Locator("#password").FillAsync("mat-khau-du-dai-123");
            await administrator.Locator("#create-account").GetByLabel("Cán bộ nghiệp vụ").CheckAsync();
            await administrator.Locator("#body").SelectOptionAsync("ElectionCommittee");
            await administrator.Locator("#jurisdiction").FillAsync("01837");
            await administrator.GetByRole(AriaRole.Button, new() { Name = "Tạo", Exact = true }).ClickAsync();

            await Assertions.Expect(administrator.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã tạo tài khoản.");
            await Assertions.Expect(administrator.Locator("table")).ToContainTextAsync("thu.ky.moi");
            await Browser.ScreenshotAsync(administrator, "plain-03-account-created");

            var reset = administrator.Locator("form[id='reset-thu.ky.moi']");
            await reset.Locator("input[type=password]").FillAsync("mat-khau-moi-du-dai-456");
            await reset.GetByRole(AriaRole.Button).ClickAsync();

            await Assertions.Expect(administrator.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã đặt lại mật khẩu của tài khoản thu.ky.moi");
            await Browser.ScreenshotAsync(administrator, "plain-04-password-reset");
        });
}
