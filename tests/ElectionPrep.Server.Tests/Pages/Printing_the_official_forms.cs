using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Alba;
using ElectionPrep.Audit;
using ElectionPrep.Candidates;
using ElectionPrep.CandidateLists;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.Forms;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Microsoft.VisualBasic.FileIO;

namespace ElectionPrep.Pages;

/// <summary>
/// The minutes, lists and voter-conference minutes print as election forms: Quốc hiệu and tiêu ngữ, the issuing body,
/// number and date, the signer's name and title (never the account name) and a QR code of the event's public proof.
/// </summary>
public partial class Printing_the_official_forms(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";
    private const string Women = "Hội Liên hiệp Phụ nữ";
    private const string Ward = "PHƯỜNG NGUYỄN THỊ MINH KHAI";

    private ProcessDriver Driver => new(Host);

    private async Task<string> Page(string url) =>
        await (await Host.Scenario(s => { s.Get.Url(url); s.WithBearerToken(TestUsers.Observer); })).ReadAsTextAsync();

    private async Task<string> RoundOneMinutes()
    {
        await Driver.OpenForDossiers("commune-council", TestUsers.Ward);
        return await Page(Routes.For(Routes.ConferenceMinutesPage, ConsultationConference.IdFor(Process, 1)));
    }

    private async Task<IEvent> LastEvent<T>(string streamId)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(streamId)).Last(e => e.Data is T);
    }

    [Fact]
    public async Task The_round_minutes_carry_the_national_heading_and_the_ward_front_as_issuing_body()
    {
        var html = await RoundOneMinutes();

        Assert.Contains("<p class=\"nation-name\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"motto\">Độc lập - Tự do - Hạnh phúc</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p>ỦY BAN MTTQ VIỆT NAM {Ward}</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>BAN THƯỜNG TRỰC</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"number\">Số: BB-1/MTTQ</p>", html, StringComparison.Ordinal);
        Assert.Contains("BIÊN BẢN HỘI NGHỊ HIỆP THƯƠNG LẦN THỨ 1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_round_minutes_are_signed_with_the_chairs_full_name_and_title_not_the_account_name()
    {
        var html = await RoundOneMinutes();

        var (fullName, title) = TestUsers.SignatoryOf(ActorRole.CommitteeChair);
        Assert.Contains("<p class=\"signs-for\">TM. BAN THƯỜNG TRỰC</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"signer-title\">{title}</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"signer-name\">{fullName}</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("chu.tich", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_minutes_QR_code_encodes_the_address_of_the_signatures_public_proof_printed_beside_it()
    {
        var html = await RoundOneMinutes();

        var signed = await LastEvent<MinutesSigned>(ConsultationConference.IdFor(Process, 1));
        var proofPath = Routes.For(Routes.AuditProofPage, signed.Sequence.ToString(CultureInfo.InvariantCulture));
        var (url, image) = QrCodeOf(html);
        Assert.EndsWith(proofPath, url, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{url}\">{url}</a>", html, StringComparison.Ordinal);
        Assert.Equal(PublicProof.QrCode(url), image);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        await Host.Scenario(s => { s.Get.Url(proofPath); s.StatusCodeShouldBe(HttpStatusCode.OK); });
    }

    [Fact]
    public async Task The_printed_official_list_carries_every_column_of_the_csv_with_its_vietnamese_header()
    {
        await Driver.PublishListOfThree(Process, Women);

        var html = await Page(Routes.For(Routes.OfficialListPage, Process));

        var csv = await (await Host.Scenario(s => s.Get.Url(Routes.For(Routes.OfficialListCsv, Process)))).ReadAsTextAsync();
        using var parser = new TextFieldParser(new StringReader(csv.TrimStart('\uFEFF'))) { TextFieldType = FieldType.Delimited, Delimiters = [","] };
        var header = parser.ReadFields()!;
        Assert.Contains("Họ và tên", header);
        Assert.All(header, column => Assert.Contains(column, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_official_list_and_its_csv_say_gender_and_party_membership_in_vietnamese()
    {
        await Driver.PublishListOfThree(Process, Women);

        var html = await Page(Routes.For(Routes.OfficialListPage, Process));
        var csv = await (await Host.Scenario(s => s.Get.Url(Routes.For(Routes.OfficialListCsv, Process)))).ReadAsTextAsync();

        Assert.Contains("<td>Hoàng Văn An</td><td>15/06/1985</td><td>Nữ</td><td>Tày</td><td>Không</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Có</td><td>Tự ứng cử</td>", html, StringComparison.Ordinal);
        Assert.Contains(",Nữ,", csv, StringComparison.Ordinal);
        Assert.Contains(",Có,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Female", csv + html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_official_list_is_issued_by_the_election_committee_and_signed_by_whoever_published_it()
    {
        await Driver.PublishListOfThree(Process, Women);

        var html = await Page(Routes.For(Routes.OfficialListPage, Process));

        var (fullName, title) = TestUsers.SignatoryOf(ActorRole.Clerk);
        Assert.Contains($"<p>ỦY BAN BẦU CỬ {Ward}</p>", html, StringComparison.Ordinal);
        Assert.Contains("DANH SÁCH CHÍNH THỨC NHỮNG NGƯỜI ỨNG CỬ ĐẠI BIỂU HỘI ĐỒNG NHÂN DÂN PHƯỜNG NGUYỄN THỊ MINH KHAI", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"signs-for\">TM. ỦY BAN BẦU CỬ</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"signer-title\">{title}</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"signer-name\">{fullName}</p>", html, StringComparison.Ordinal);
        var published = await LastEvent<OfficialListPublished>(CandidateList.IdFor(Process));
        Assert.EndsWith(Routes.For(Routes.AuditProofPage, published.Sequence.ToString(CultureInfo.InvariantCulture)), QrCodeOf(html).Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_preliminary_list_prints_round_twos_candidates_on_the_fronts_form()
    {
        await Driver.OpenForDossiers("commune-council", TestUsers.Ward);
        await Driver.File(Process, "Trần Thị Ánh", "001185000001", Women);
        await Driver.File(Process, "Hoàng Văn An", "001085000003");
        await Driver.OpenVoterConferences(Process);

        var html = await Page(Routes.For(Routes.PreliminaryListPage, Process));

        Assert.Contains("DANH SÁCH SƠ BỘ NHỮNG NGƯỜI ỨNG CỬ ĐẠI BIỂU HỘI ĐỒNG NHÂN DÂN PHƯỜNG NGUYỄN THỊ MINH KHAI", html, StringComparison.Ordinal);
        Assert.Contains($"<p>ỦY BAN MTTQ VIỆT NAM {Ward}</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"number\">Số: BB-2/MTTQ</p>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>1</td><td>Hoàng Văn An</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>2</td><td>Trần Thị Ánh</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"signer-name\">{TestUsers.SignatoryOf(ActorRole.CommitteeChair).FullName}</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_voter_conference_prints_as_minutes_of_the_residence_front_with_its_votes_and_proof()
    {
        var ids = await Driver.PublishListOfThree(Process, Women);
        var candidacy = ids["Trần Thị Ánh"];

        var html = await Page(Routes.For(Routes.VoterConferenceMinutesPage, candidacy, "1"));
        var recorded = await LastEvent<VoterConferenceRecorded>(candidacy);
        var heldOn = ((VoterConferenceRecorded)recorded.Data).HeldOn;

        Assert.Contains("BIÊN BẢN HỘI NGHỊ CỬ TRI NƠI CƯ TRÚ", html, StringComparison.Ordinal);
        Assert.Contains($"<p>ỦY BAN MTTQ VIỆT NAM {Ward}</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"place-date\">Phường Nguyễn Thị Minh Khai, ngày {heldOn:dd} tháng {heldOn:MM} năm {heldOn:yyyy}</p>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Tín nhiệm</td><td>80</td><td>88,89 %</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"signer-name\">{TestUsers.SignatoryOf(ActorRole.Clerk).FullName}</p>", html, StringComparison.Ordinal);
        Assert.EndsWith(Routes.For(Routes.AuditProofPage, recorded.Sequence.ToString(CultureInfo.InvariantCulture)), QrCodeOf(html).Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_voter_conference_not_recorded_has_no_minutes()
    {
        var ids = await Driver.PublishListOfThree(Process, Women);

        await Host.Scenario(s =>
        {
            s.Get.Url(Routes.For(Routes.VoterConferenceMinutesPage, ids["Trần Thị Ánh"], "2"));
            s.WithBearerToken(TestUsers.Observer);
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });
    }

    /// <summary>The proof address a form prints beside its QR code, and the QR code's SVG.</summary>
    private static (string Url, string Image) QrCodeOf(string html)
    {
        var match = QrImage().Match(html);
        Assert.True(match.Success, "the form shows a QR code");
        return (WebUtility.HtmlDecode(match.Groups["url"].Value), match.Groups["svg"].Value);
    }

    [GeneratedRegex("<div class=\"qr\" role=\"img\" aria-label=\"[^\"]+\" data-encodes=\"(?<url>[^\"]+)\">(?<svg><svg.*?</svg>)</div>", RegexOptions.Singleline)]
    private static partial Regex QrImage();
}
