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
        await demo.CheckTheWardAsync(observer, "observer");
        await demo.CheckAsync(observer, Routes.For(Routes.OfficialListPage, Ward), "Danh sách chính thức", "observer-03-official-list");
        await demo.CheckAsync(observer, Routes.For(Routes.ConferenceMinutesPage, $"{Ward}.round-1"), "BIÊN BẢN HỘI NGHỊ HIỆP THƯƠNG LẦN THỨ 1", "observer-04-minutes");
        await demo.CheckAsync(observer, Routes.For(Routes.AuditTrailPage, RoundTwo), "Nhật ký kiểm tra", "observer-05-audit-trail");
        await demo.CheckAsync(observer, Routes.For(Routes.AuditProofPage, "1"), "Bằng chứng trong nhật ký kiểm chứng", "observer-06-proof");
        await demo.CheckAsync(observer, Routes.For(Routes.CandidacyProtectedDataPage, demo.Candidacy.Id), "Không có quyền", "observer-07-access-denied");
    }
}
