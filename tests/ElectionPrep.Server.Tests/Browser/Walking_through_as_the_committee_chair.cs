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
        await demo.CheckAsync(chair, Routes.For(Routes.ProcessPage, Ward), "Nguyễn Thị Minh Khai", "chair-03-process");
        await demo.CheckAsync(chair, Routes.For(Routes.CandidatesPage, Ward), "Người ứng cử", "chair-04-candidates");
        await demo.CheckAsync(chair, Routes.For(Routes.CandidacyPage, demo.Candidacy.Id), demo.Candidacy.FullName, "chair-05-candidacy");
        await demo.CheckAsync(chair, Routes.For(Routes.CandidacyProtectedDataPage, demo.Candidacy.Id), "Thông tin được bảo vệ", "chair-06-protected-data");
        await demo.CheckAsync(chair, Routes.For(Routes.ListBuilderPage, Ward), "Lập danh sách", "chair-07-list-builder");
        await demo.CheckAsync(chair, Routes.For(Routes.PreliminaryListPage, Ward), "DANH SÁCH SƠ BỘ", "chair-08-preliminary-list");
        await demo.CheckAsync(chair, Routes.For(Routes.OfficialListPage, Ward), "Danh sách chính thức", "chair-09-official-list");
        await demo.CheckAsync(chair, Routes.For(Routes.ConferencePage, RoundTwo), "Hội nghị hiệp thương lần thứ 2", "chair-10-conference");
        // Round 3 is not convened yet: the chair sees the convening form, its table of invitees a card per person on a phone.
        await demo.CheckAsync(chair, Routes.For(Routes.ConferencePage, $"{Ward}.round-3"), "Hội nghị hiệp thương lần thứ 3", "chair-11-convening");
        await demo.CheckAsync(chair, Routes.For(Routes.ConferenceMinutesPage, RoundTwo), "BIÊN BẢN HỘI NGHỊ HIỆP THƯƠNG LẦN THỨ 2", "chair-12-minutes");
        await demo.CheckAsync(chair, Routes.For(Routes.AuditTrailPage, Ward), "Nhật ký kiểm tra", "chair-13-audit-trail");
        await demo.CheckAsync(chair, Routes.OwnPasswordPage, "Đổi mật khẩu", "chair-14-change-password");
        await demo.CheckAsync(chair, Routes.For(Routes.ConferencePage, $"{OtherWard}.round-1"), "Không có quyền", "chair-15-access-denied");
    }
}
