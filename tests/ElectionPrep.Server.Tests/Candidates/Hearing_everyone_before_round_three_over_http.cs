using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Idempotency;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace ElectionPrep.Candidates;

/// <summary>
/// Ward 01834's commune council after round 2 put Ánh (nominated by the Women's Union) and An (self-nominated) on the
/// preliminary list: the voter conferences' step waits until both were heard where the law requires.
/// </summary>
public class Hearing_everyone_before_round_three_over_http(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";

    private ProcessDriver Driver => new(Host);

    private Task<IScenarioResult> HeardWhereTheyLive(params string[] candidacyIds) =>
        Driver.Post(Routes.For(Routes.VoterConferences, Process), new
        {
            kind = "Residence", heldOn = "2021-04-01", invited = 120, present = 90, countingTeam = new[] { "Tổ trưởng" }, minutesReference = "BB-CT",
            results = candidacyIds.Select(id => new { candidacyId = id, trust = 80, distrust = 10 }),
        }, Driver.Acting(Process, StepKind.VoterConferences));

    [Fact]
    public async Task The_voter_conferences_step_is_refused_naming_each_conference_missing()
    {
        var (anh, an) = await Driver.TwoCandidatesBeforeTheVoters();
        await HeardWhereTheyLive(anh, an);
        var before = await Events.CountAsync(Host, Process);

        var refused = await Driver.Complete(Process, "voter-conferences", expected: HttpStatusCode.Conflict);

        var problem = await refused.ThenRefused(CompleteStep.GateFailed);
        Assert.Equal(Gates.VoterConferencesHeld, problem.GetProperty("failedGate").GetString());
        var item = Assert.Single(problem.GetProperty("items").EnumerateArray());
        Assert.Equal("Hoàng Văn An", item.GetProperty("label").GetString());
        Assert.Contains("nơi công tác", item.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("NQ 1186/2021/UBTVQH14", item.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await Events.CountAsync(Host, Process));
    }

    [Fact]
    public async Task With_no_conference_recorded_both_candidates_are_named()
    {
        await Driver.TwoCandidatesBeforeTheVoters();

        var refused = await Driver.Complete(Process, "voter-conferences", expected: HttpStatusCode.Conflict);

        var items = (await refused.ThenRefused(CompleteStep.GateFailed)).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("label").GetString());
        Assert.Equal(["Trần Thị Ánh", "Hoàng Văn An", "Hoàng Văn An"], items);
    }

    [Fact]
    public async Task Once_everyone_was_heard_the_step_completes_and_round_three_opens()
    {
        await Driver.TwoCandidatesBeforeTheVoters();
        await Driver.HearEveryone(Process);

        await Driver.Complete(Process, "voter-conferences");

        Assert.Equal(["third-consultation"], await Driver.ActiveSteps(Process));
    }

    [Fact]
    public async Task The_front_committees_inbox_shows_the_step_blocked_naming_whom_the_voters_must_hear()
    {
        await Driver.TwoCandidatesBeforeTheVoters();

        var inbox = await Host.Read<JsonElement>($"{Routes.Inbox}?body=FrontStandingBoard&jurisdiction=01834");

        var step = inbox.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("stepId").GetString() == "voter-conferences");
        Assert.Equal("blocked", step.GetProperty("kind").GetString());
        var gate = Assert.Single(step.GetProperty("blockedBy").EnumerateArray());
        Assert.Equal(3, gate.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_process_page_names_each_candidate_the_voters_must_still_hear()
    {
        var (anh, an) = await Driver.TwoCandidatesBeforeTheVoters();
        await HeardWhereTheyLive(anh, an);
        await Host.Services.GetRequiredService<Accounts.Accounts>().CreateAsync("thu.ky", "mat-khau-du-dai-123", [ActorRole.Clerk], nameof(Body.FrontStandingBoard), "01834", CancellationToken.None);
        using var clerk = await PageSession.SignInAsync(Host, "thu.ky", "mat-khau-du-dai-123");

        var html = await clerk.PageAsync(Routes.For(Routes.ProcessPage, Process));

        Assert.Contains("<li>Hoàng Văn An: Chưa ghi nhận hội nghị cử tri nơi công tác của người tự ứng cử", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_three_refuses_its_list_naming_each_candidate_the_voters_have_not_heard()
    {
        // The step completed before it had its gate, as in the reported run: round 3 still weighs only the heard.
        await Driver.TwoCandidatesBeforeTheVoters();
        await using (var session = Store.LightweightSession())
        {
            session.Events.Append(Process, new StepCompleted(Process, "voter-conferences", "thu.ky", ActorRole.Clerk, "BC-01", null, Clock.Now));
            await session.SaveChangesAsync();
        }

        await Host.InvokeMessageAndWaitAsync(new ActivateReadySteps(Process));
        var conference = await Driver.Vote(Process, 3);
        var before = await Events.CountAsync(Host, conference);

        var refused = await Driver.Post(Routes.For(Routes.ConferenceDecisions, conference), await Driver.DecisionsAsync(Process, 3),
            ProcessDriver.Front(Process, ActorRole.Clerk), HttpStatusCode.Conflict);

        var problem = await refused.ThenRefused(VoterHearings.ConferencesMissing);
        Assert.Equal(["Trần Thị Ánh", "Hoàng Văn An", "Hoàng Văn An"], problem.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("label").GetString()));
        Assert.Equal(before, await Events.CountAsync(Host, conference));
    }
}
