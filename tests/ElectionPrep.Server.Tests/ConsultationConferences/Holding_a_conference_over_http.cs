using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.ConsultationConferences;
using Marten;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;

namespace ElectionPrep.ConsultationConferences;

public class Holding_a_conference_over_http(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";
    private static readonly string Conference = ConsultationConference.IdFor(Process, 1);
    private static readonly string[] TooFew = ["p1", "p2", "p3"];

    private ProcessDriver Driver => new(Host);

    private async Task RoundOneOpen()
    {
        await Driver.Open("commune-council", "01834");
        await Driver.Complete(Process, "structure-projected");
    }

    [Fact]
    public async Task The_printable_minutes_list_attendance_each_vote_the_decisions_and_the_signature()
    {
        await RoundOneOpen();
        await Driver.HoldConference(Process, 1);

        var page = await Host.Scenario(s =>
        {
            s.Get.Url(Routes.For(Routes.ConferenceMinutesPage, Conference));
            s.WithBearerToken(TestUsers.Observer);
            s.ContentTypeShouldBe("text/html; charset=utf-8");
        });

        var html = await page.ReadAsTextAsync();
        Assert.Contains("BIÊN BẢN HỘI NGHỊ HIỆP THƯƠNG LẦN THỨ 1", html, StringComparison.Ordinal);
        Assert.Contains("<td>Vũ Văn Phúc</td><td>Hội Cựu chiến binh</td><td>Chủ tịch</td><td>Thành phần triệu tập</td><td>Vắng</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Khách mời</td><td>Có mặt</td>", html, StringComparison.Ordinal);
        Assert.Contains("Có mặt 5/6 người được triệu tập.", html, StringComparison.Ordinal);
        Assert.Contains("<td>4</td><td>1</td><td>0</td><td>Giơ tay</td><td>Thông qua</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Hội Liên hiệp Phụ nữ</td><td>3</td><td>woman: 3</td>", html, StringComparison.Ordinal);
        Assert.Contains("Số: BB-1/MTTQ", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"signer-name\">Hà Văn Khánh</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsigned_minutes_say_their_decisions_do_not_bind_yet()
    {
        await RoundOneOpen();
        await Driver.Convene(Process, 1);

        var html = await (await Host.Scenario(s => { s.Get.Url(Routes.For(Routes.ConferenceMinutesPage, Conference)); s.WithBearerToken(TestUsers.Observer); })).ReadAsTextAsync();

        Assert.Contains("Biên bản chưa ký: các quyết định chưa có hiệu lực.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_quorum_a_motion_is_refused_naming_the_failed_gate()
    {
        await RoundOneOpen();
        await Driver.Convene(Process, 1);
        await Driver.Post(Routes.For(Routes.ConferenceAttendance, Conference), new { presentInviteeIds = TooFew }, TestUsers.Clerk);

        var refused = await Driver.Post(Routes.For(Routes.ConferenceMotions, Conference), new { motionId = "co-cau", text = "Cơ cấu" }, TestUsers.Chair, HttpStatusCode.Conflict);

        var problem = await refused.ThenRefused("quorum-not-met");
        Assert.Equal("quorum-met", problem.GetProperty("failedGate").GetString());
        Assert.Contains("3 of 6 present", problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
        var conference = await Host.Read<JsonElement>(Routes.For(Routes.Conference, Conference));
        Assert.Empty(conference.GetProperty("motions").EnumerateArray());
    }

    [Fact]
    public async Task A_conference_for_a_round_not_yet_open_is_refused()
    {
        await Driver.Open("commune-council", "01834");

        var refused = await Driver.Convene(Process, 2, HttpStatusCode.Conflict);

        await refused.ThenRefused("step-not-open");
        await using var session = Store.QuerySession();
        Assert.Null(await session.Events.FetchStreamStateAsync(ConsultationConference.IdFor(Process, 2)));
    }

    [Fact]
    public async Task A_conference_with_bad_input_is_a_400_naming_each_field()
    {
        await Driver.Open("commune-council", "01834");

        var invalid = await Driver.Post(Routes.For(Routes.Conferences, Process), new
        {
            round = 4, scheduledAt = AppFixture.Start, place = "", chair = "Nguyễn Văn An", invitees = Array.Empty<Invitee>(),
        }, TestUsers.Chair, HttpStatusCode.BadRequest);

        Assert.Equal(["invitees", "place", "round"], (await invalid.ReadAsJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        await using var session = Store.QuerySession();
        Assert.Null(await session.Events.FetchStreamStateAsync(ConsultationConference.IdFor(Process, 4)));
    }
}
