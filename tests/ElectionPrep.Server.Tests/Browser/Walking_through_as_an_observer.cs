using ElectionPrep.Http;
using static ElectionPrep.Browser.Walking_the_demo;

namespace ElectionPrep.Browser;

/// <summary>
/// The observer opens every page an observer reads, on a laptop and on a phone: each shows its heading, fits the width and
/// passes the accessibility audit, the protected data refused. Screenshots at 390 px: observer-*.png.
/// </summary>
[Collection(Collection)]
public class Walking_through_as_an_observer(Walking_the_demo demo)
{
    [Fact]
    public async Task Every_page_an_observer_reads_fits_a_phone_and_passes_the_audit()
    {
        var observer = await demo.Site.SignInAsync("giam.sat");
        await demo.CheckAsync(observer, Routes.Dashboard, "Xin chào, giam.sat", "observer-01-dashboard");
        await demo.CheckAsync(observer, Routes.ProcessesPage, "Quy trình hiệp thương", "observer-02-processes");
        await demo.CheckAsync(observer, Routes.For(Routes.ProcessPage, Ward), "Nguyễn Thị Minh Khai", "observer-03-process");
        await demo.CheckAsync(observer, Routes.For(Routes.CandidatesPage, Ward), "Người ứng cử", "observer-04-candidates");
        await demo.CheckAsync(observer, Routes.For(Routes.CandidacyPage, demo.Candidacy.Id), demo.Candidacy.FullName, "observer-05-candidacy");
        await demo.CheckAsync(observer, Routes.For(Routes.ListBuilderPage, Ward), "Lập danh sách", "observer-06-list-builder");
        await demo.CheckAsync(observer, Routes.For(Routes.PreliminaryListPage, Ward), "DANH SÁCH SƠ BỘ", "observer-07-preliminary-list");
        await demo.CheckAsync(observer, Routes.For(Routes.OfficialListPage, Ward), "Danh sách chính thức", "observer-08-official-list");
        await demo.CheckAsync(observer, Routes.For(Routes.ConferencePage, RoundTwo), "Hội nghị hiệp thương lần thứ 2", "observer-09-conference");
        await demo.CheckAsync(observer, Routes.For(Routes.ConferenceMinutesPage, $"{Ward}.round-1"), "BIÊN BẢN HỘI NGHỊ HIỆP THƯƠNG LẦN THỨ 1", "observer-10-minutes");
        await demo.CheckAsync(observer, Routes.For(Routes.AuditTrailPage, RoundTwo), "Nhật ký kiểm tra", "observer-11-audit-trail");
        await demo.CheckAsync(observer, Routes.For(Routes.AuditProofPage, "1"), "Bằng chứng trong nhật ký kiểm chứng", "observer-12-proof");
        await demo.CheckAsync(observer, Routes.For(Routes.CandidacyProtectedDataPage, demo.Candidacy.Id), "Không có quyền", "observer-13-access-denied");
    }
}
