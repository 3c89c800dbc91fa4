using ElectionPrep.Http;
using static ElectionPrep.Browser.Walking_the_demo;

namespace ElectionPrep.Browser;

/// <summary>
/// The administrator signs in and opens every page an administrator uses, on a laptop and on a phone: each shows its
/// heading, fits the width and passes the accessibility audit. Screenshots at 390 px: administrator-*.png.
/// </summary>
[Collection(Collection)]
public class Walking_through_as_the_administrator(Walking_the_demo demo)
{
    [Fact]
    public async Task Every_page_the_administrator_uses_fits_a_phone_and_passes_the_audit()
    {
        var administrator = await Browser.NewPageAsync(demo.Site.Browser);
        await demo.CheckAsync(administrator, Routes.SignIn, "Đăng nhập", "administrator-01-sign-in");
        await Browser.SignInAsync(administrator, DemoSite.Seed.Account("quan.tri"));
        await PageChecks.AtEveryWidthAsync(administrator, "Xin chào, quan.tri", "administrator-02-dashboard");
        await demo.CheckAsync(administrator, Routes.AccountsPage, "Quản lý tài khoản", "administrator-03-accounts");
        await demo.CheckAsync(administrator, Routes.ProcessesPage, "Quy trình hiệp thương", "administrator-04-processes");
        await demo.CheckAsync(administrator, Routes.For(Routes.ProcessPage, Ward), "Nguyễn Thị Minh Khai", "administrator-05-process");
        await demo.CheckAsync(administrator, Routes.OwnPasswordPage, "Đổi mật khẩu", "administrator-06-change-password");
    }
}
