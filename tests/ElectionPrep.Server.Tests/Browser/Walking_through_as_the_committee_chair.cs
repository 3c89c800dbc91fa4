using ElectionPrep.Http;
using static ElectionPrep.Browser.Walking_the_demo;

namespace ElectionPrep.Browser;

/// <summary>
/// The ward Front committee's chair opens every page the chair uses, on a laptop and on a phone: each shows its heading,
/// fits the width without sideways scrolling and passes the accessibility audit. Screenshots at 390 px: chair-*.png.
/// </summary>
[Collection(Collection)]
public class Walking_through_as_the_committee_chair(Walking_the_demo demo)
{
    [Fact]
    public async Task Every_page_the_chair_uses_fits_a_phone_and_passes_the_audit()
    {
        var chair = await demo.Site.SignInAsync("chu.tich.phuong");
        await demo.CheckAsync(chair, Routes.Dashboard, "Xin chào, chu.tich.phuong", "chair-01-dashboard");
        await demo.CheckAsync(chair, Routes.ProcessesPage, "Quy trình hiệp thương", "chair-02-processes");
        await demo.CheckTheWardAsync(chair, "chair");
        await demo.CheckAsync(chair, Routes.For(Routes.CandidacyProtectedDataPage, demo.Candidacy.Id), "Thông tin được bảo vệ", "chair-03-protected-data");
        await demo.CheckAsync(chair, Routes.For(Routes.OfficialListPage, Ward), "Danh sách chính thức", "chair-04-official-list");
        // Round 3 is not convened yet: the chair sees the convening form, its table of invitees a card per person on a phone.
        await demo.CheckAsync(chair, Routes.For(Routes.ConferencePage, $"{Ward}.round-3"), "Hội nghị hiệp thương lần thứ 3", "chair-05-convening");
        await demo.CheckAsync(chair, Routes.For(Routes.ConferenceMinutesPage, RoundTwo), "BIÊN BẢN HỘI NGHỊ HIỆP THƯƠNG LẦN THỨ 2", "chair-06-minutes");
        await demo.CheckAsync(chair, Routes.For(Routes.AuditTrailPage, Ward), "Nhật ký kiểm tra", "chair-07-audit-trail");
        await demo.CheckAsync(chair, Routes.OwnPasswordPage, "Đổi mật khẩu", "chair-08-change-password");
        await demo.CheckAsync(chair, Routes.For(Routes.ConferencePage, $"{OtherWard}.round-1"), "Không có quyền", "chair-09-access-denied");
    }
}
