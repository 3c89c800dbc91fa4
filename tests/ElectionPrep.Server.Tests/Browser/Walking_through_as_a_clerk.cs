using ElectionPrep.Http;
using static ElectionPrep.Browser.Walking_the_demo;

namespace ElectionPrep.Browser;

/// <summary>
/// The ward Front committee's clerk, then the Election Committee's secretary who takes dossiers, open every page a clerk
/// uses, on a laptop and on a phone: each shows its heading, fits the width and passes the accessibility audit.
/// Screenshots at 390 px: clerk-*.png.
/// </summary>
[Collection(Collection)]
public class Walking_through_as_a_clerk(Walking_the_demo demo)
{
    [Fact]
    public async Task Every_page_a_clerk_uses_fits_a_phone_and_passes_the_audit()
    {
        var clerk = await demo.Site.SignInAsync("thu.ky.phuong");
        await demo.CheckAsync(clerk, Routes.Dashboard, "Xin chào, thu.ky.phuong", "clerk-01-dashboard");
        await demo.CheckTheWardAsync(clerk, "clerk");
        await demo.CheckAsync(clerk, Routes.For(Routes.VoterConferenceMinutesPage, demo.Candidacy.Id, "1"), "BIÊN BẢN HỘI NGHỊ CỬ TRI", "clerk-02-voter-conference-minutes");
        await demo.CheckAsync(clerk, Routes.For(Routes.CandidacyProtectedDataPage, demo.Candidacy.Id), "Thông tin được bảo vệ", "clerk-03-protected-data");
        await demo.CheckAsync(clerk, Routes.For(Routes.ConferenceMinutesPage, RoundTwo), "BIÊN BẢN HỘI NGHỊ HIỆP THƯƠNG LẦN THỨ 2", "clerk-04-minutes");
        await demo.CheckAsync(clerk, Routes.For(Routes.AuditTrailPage, demo.Candidacy.Id), "Nhật ký kiểm tra", "clerk-05-audit-trail");

        // Dossiers are filed with the Election Committee, in the ward whose dossier window is still open.
        var secretary = await demo.Site.SignInAsync("thu.ky.ubbc.song.cau");
        await demo.CheckAsync(secretary, Routes.For(Routes.CandidatesPage, OtherWard), "Người ứng cử", "clerk-06-candidates-filing");
        await demo.CheckAsync(secretary, Routes.For(Routes.NewDossierPage, OtherWard), "Nộp hồ sơ ứng cử", "clerk-07-new-dossier");
        await demo.CheckAsync(secretary, Routes.For(Routes.UploadPage, OtherWard), "Nhập từ bảng tính", "clerk-08-upload");
    }
}
