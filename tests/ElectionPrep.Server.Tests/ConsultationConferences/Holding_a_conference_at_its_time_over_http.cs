using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Idempotency;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationConferences;

/// <summary>Ward 01834's round 1, held as it is held: on a date and time, its minutes signed once it met, by the body that convened it.</summary>
public class Holding_a_conference_at_its_time_over_http(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";
    private static readonly string Conference = ConsultationConference.IdFor(Process, 1);

    private ProcessDriver Driver => new(Host);

    private DateTimeOffset Tomorrow(int hour) => new(Clock.Now.Date.AddDays(1).AddHours(hour), Clock.Now.Offset);

    /// <summary>Round 1 convened for tomorrow 08:00, its attendance, vote and decisions already taken down.</summary>
    private async Task RoundOneDecidedForTomorrow()
    {
        await Driver.Open("commune-council", "01834");
        await Driver.Complete(Process, "structure-projected");
        await Driver.Convene(Process, 1, at: Tomorrow(8));
        await Driver.Post(Routes.For(Routes.ConferenceAttendance, Conference), new { presentInviteeIds = new[] { "p1", "p2", "p3", "p4", "p5" } }, TestUsers.Clerk);
        await Driver.Post(Routes.For(Routes.ConferenceMotions, Conference), new { motionId = "ket-qua", text = "Cơ cấu" }, TestUsers.Chair);
        await Driver.Post(Routes.For(Routes.ConferenceVote, Conference, "ket-qua"), new { @for = 5, against = 0, abstain = 0, method = "ShowOfHands" }, TestUsers.Clerk);
        await Driver.Post(Routes.For(Routes.ConferenceDecisions, Conference), await Driver.DecisionsAsync(Process, 1), TestUsers.Clerk);
    }

    private Task<IScenarioResult> Sign(string token, HttpStatusCode expected) =>
        Driver.Post(Routes.For(Routes.ConferenceMinutesSignature, Conference), new { minutesReference = "BB-1/MTTQ" }, token, expected);

    [Fact]
    public async Task A_conference_without_a_date_and_time_is_a_400_naming_the_field()
    {
        await Driver.Open("commune-council", "01834");
        await Driver.Complete(Process, "structure-projected");

        var invalid = await Driver.Post(Routes.For(Routes.Conferences, Process),
            new { round = 1, place = "Hội trường", chair = "Nguyễn Văn An", invitees = ProcessDriver.Invitees }, TestUsers.Chair, HttpStatusCode.BadRequest);

        var errors = (await invalid.ReadAsJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["scheduledAt"], errors.EnumerateObject().Select(error => error.Name));
        Assert.Equal("Cần ngày và giờ họp.", errors.GetProperty("scheduledAt")[0].GetString());
    }

    [Fact]
    public async Task Minutes_signed_before_the_meeting_are_refused_and_nothing_is_recorded()
    {
        await RoundOneDecidedForTomorrow();
        var before = await Events.CountAsync(Host, Conference);

        var refused = await Sign(TestUsers.Chair, HttpStatusCode.Conflict);

        await refused.ThenRefused(ConferenceRefusals.NotYetHeld);
        Assert.Equal(before, await Events.CountAsync(Host, Conference));
        Assert.Contains("first-consultation", await Driver.ActiveSteps(Process));
    }

    [Fact]
    public async Task Minutes_are_signed_once_the_meeting_has_begun_and_complete_the_round()
    {
        await RoundOneDecidedForTomorrow();
        Clock.Now = Tomorrow(11);

        await Sign(TestUsers.Chair, HttpStatusCode.OK);

        Assert.DoesNotContain("first-consultation", await Driver.ActiveSteps(Process));
    }

    [Fact]
    public async Task Another_body_of_the_ward_cannot_sign_the_front_committees_minutes()
    {
        await RoundOneDecidedForTomorrow();
        Clock.Now = Tomorrow(11);
        var before = await Events.CountAsync(Host, Conference);

        var refused = await Sign(TestUsers.Of(Body.ElectionCommittee, ActorRole.CommitteeChair, "01834"), HttpStatusCode.Forbidden);

        await refused.ThenRefused(Mandate.BodyNotMandated);
        Assert.Equal(before, await Events.CountAsync(Host, Conference));
    }

    [Fact]
    public async Task Another_body_of_the_ward_cannot_complete_the_front_committees_step()
    {
        await Driver.Open("commune-council", "01834");
        await Driver.Complete(Process, "structure-projected");
        var before = await Events.CountAsync(Host, Process);

        var refused = await Driver.Complete(Process, "first-consultation", TestUsers.Of(Body.ElectionCommittee, ActorRole.CommitteeChair, "01834"), HttpStatusCode.Forbidden);

        await refused.ThenRefused(Mandate.BodyNotMandated);
        Assert.Equal(before, await Events.CountAsync(Host, Process));
    }
}
