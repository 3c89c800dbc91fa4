using ElectionPrep.Workflows;
using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Marten;
using Marten.Events;

namespace ElectionPrep.ConsultationProcesses;

public class Running_a_consultation_process_over_http(AppFixture fixture) : IntegrationContext(fixture)
{
    private ProcessDriver Driver => new(Host);

    [Theory]
    [InlineData("commune-council", "01834", "CouncilStandingBody")]
    [InlineData("national-assembly-provincial", "06", "NationalAssemblyStandingCommittee")]
    public async Task A_process_runs_from_opening_through_three_rounds_to_the_posted_list(string council, string jurisdiction, string adjustingBody)
    {
        var id = await Driver.Open(council, jurisdiction);
        Assert.Equal(["election-committee-formed", "structure-projected"], await Driver.ActiveSteps(id));

        await Driver.Complete(id, "structure-projected");
        Assert.Equal(["election-committee-formed", "first-consultation"], await Driver.ActiveSteps(id));

        await Driver.Complete(id, "election-committee-formed");
        Assert.Equal(["constituencies-published", "first-consultation"], await Driver.ActiveSteps(id));

        await Driver.HoldConference(id, 1);
        Assert.Equal(["constituencies-published", "dossiers-filed", "structure-adjusted"], await Driver.ActiveSteps(id));

        await Driver.Post(Routes.For(Routes.StructureAdjustments, id), new
        {
            adjustingBody,
            decisionReference = "NQ 15/NQ-2021",
            summary = "Tăng 1 người được giới thiệu của Đoàn Thanh niên",
            allocations = new[] { new { nominatingBody = "Đoàn Thanh niên", nominees = 3 } },
        }, Driver.Acting(id, StepKind.StructureAdjustment));
        await Driver.Complete(id, "structure-adjusted");
        Assert.Equal(["constituencies-published", "dossiers-filed", "nominations"], await Driver.ActiveSteps(id));

        await Driver.Complete(id, "constituencies-published");
        await Driver.Complete(id, "nominations");
        Assert.Equal(["dossiers-filed"], await Driver.ActiveSteps(id));

        await Driver.File(id, "Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ");
        await Driver.File(id, "Hoàng Văn An", "001085000003");
        await Driver.Complete(id, "dossiers-filed");
        Assert.Equal(["second-consultation"], await Driver.ActiveSteps(id));

        await Driver.HoldConference(id, 2);
        Assert.Equal(["voter-conferences"], await Driver.ActiveSteps(id));

        await Driver.HearEveryone(id);
        await Driver.Complete(id, "voter-conferences");
        Assert.Equal(["third-consultation"], await Driver.ActiveSteps(id));

        await Driver.HoldConference(id, 3);
        Assert.Equal(["minutes-sent"], await Driver.ActiveSteps(id));

        await Driver.Complete(id, "minutes-sent");
        await Driver.Complete(id, "official-list-published");
        Assert.Equal(["lists-posted"], await Driver.ActiveSteps(id));

        var last = await Driver.Complete(id, "lists-posted");
        Assert.Equal("Completed", (await last.ReadAsJsonAsync<JsonElement>()).GetProperty("stage").GetString());
        var details = await Driver.Details(id);
        Assert.Equal("Completed", details.GetProperty("stage").GetString());
        Assert.All(details.GetProperty("steps").EnumerateArray(), step => Assert.Equal("Completed", step.GetProperty("status").GetString()));
        var roundThree = details.GetProperty("steps").EnumerateArray().Single(step => step.GetProperty("stepId").GetString() == "third-consultation");
        Assert.Equal("BB-3/MTTQ", roundThree.GetProperty("reference").GetString());
        Assert.Equal("chu.tich", roundThree.GetProperty("completedBy").GetString());

        var closed = await Driver.Complete(id, "lists-posted", expected: HttpStatusCode.Conflict);
        await closed.ThenRefused(CompleteStep.ProcessClosed);

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id);
        Assert.Single(events, e => e.Data is StructureAdjusted);
        Assert.Single(events, e => e.Data is ConsultationProcessCompleted);
        Assert.Equal(13, events.Count(e => e.Data is StepCompleted));
    }

    [Fact]
    public async Task Acting_on_a_step_that_is_not_open_is_refused_with_the_state_and_what_is_allowed_now()
    {
        var id = await Driver.Open("commune-council", "01834");

        var refused = await Driver.Complete(id, "voter-conferences", expected: HttpStatusCode.Conflict);

        var problem = await refused.ThenRefused(CompleteStep.StepNotOpen);
        Assert.Equal("open; active steps: election-committee-formed, structure-projected", problem.GetProperty("currentState").GetString());
        Assert.Equal(
            ["election-committee-formed (CommitteeChair, CommitteeMember, Clerk)", "structure-projected (CommitteeChair, CommitteeMember, Clerk)"],
            problem.GetProperty("allowedNow").EnumerateArray().Select(item => item.GetString()));
        Assert.Contains("Second consultation conference: preliminary list", problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
        await AssertNoStepCompleted(id);
    }

    [Fact]
    public async Task A_role_the_step_does_not_allow_is_refused()
    {
        var id = await Driver.Open("commune-council", "01834");

        var refused = await Driver.Complete(id, "structure-projected", TestUsers.Observer, HttpStatusCode.Forbidden);

        await refused.ThenRefused(Mandate.RoleNotMandated);
        await AssertNoStepCompleted(id);
    }

    [Fact]
    public async Task A_conference_step_cannot_be_completed_by_hand_before_its_minutes_are_signed()
    {
        var id = await Driver.Open("commune-council", "01834");
        await Driver.Complete(id, "structure-projected");

        var refused = await Driver.Complete(id, "first-consultation", TestUsers.Chair, HttpStatusCode.Conflict);

        var problem = await refused.ThenRefused(CompleteStep.GateFailed);
        Assert.Equal("quorum-met", problem.GetProperty("failedGate").GetString());
        Assert.Equal(["election-committee-formed", "first-consultation"], await Driver.ActiveSteps(id));
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_409_recording_nothing()
    {
        var id = await Driver.Open("commune-council", "01834");
        var version = (await Driver.Details(id)).GetProperty("version").GetInt64();
        await Driver.Complete(id, "election-committee-formed", expectedVersion: version);

        var refused = await Driver.Complete(id, "structure-projected", expected: HttpStatusCode.Conflict, expectedVersion: version);

        var problem = await refused.ThenRefused(StaleVersions.Code);
        Assert.Equal((await Driver.Details(id)).GetProperty("version").GetInt64(), problem.GetProperty("currentVersion").GetInt64());
        Assert.Equal(["constituencies-published", "structure-projected"], await Driver.ActiveSteps(id));
    }

    [Fact]
    public async Task A_completion_with_an_overlong_reference_or_negative_version_is_refused_naming_the_fields_with_nothing_recorded()
    {
        var id = await Driver.Open("commune-council", "01834");

        var refused = await Driver.Post(Routes.For(Routes.StepCompletion, id, "structure-projected"),
            new { reference = new string('x', 201), expectedVersion = -1 }, Driver.Acting(id, StepKind.StructureProjection), HttpStatusCode.BadRequest);

        var errors = (await refused.ReadAsJsonAsync<JsonElement>()).GetProperty("errorsEn");
        Assert.Equal(["expectedVersion", "reference"], errors.EnumerateObject().Select(field => field.Name).Order(StringComparer.Ordinal));
        await AssertNoStepCompleted(id);
    }

    [Fact]
    public async Task Acting_needs_a_signed_in_user()
    {
        var id = await Driver.Open("commune-council", "01834");

        await Host.Scenario(s =>
        {
            s.Post.Json(new { reference = "x" }).ToUrl(Routes.For(Routes.StepCompletion, id, "structure-projected"));
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
        await AssertNoStepCompleted(id);
    }

    [Fact]
    public async Task The_rollup_counts_the_processes_beneath_a_province_by_level()
    {
        await Driver.Open("provincial-council", "06");
        await Driver.Open("district-council", "061");
        var commune = await Driver.Open("commune-council", "01834");
        await Driver.Open("commune-council", "01837");
        await Driver.Complete(commune, "structure-projected");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var rollup = await Host.Read<Rollup>(Routes.For(Routes.Rollup, "06"));

        Assert.Equal(["Province", "District", "Commune"], rollup.Levels.Select(level => level.Level));
        Assert.Equal([("2021-2026", 1, 0), ("2021-2026", 1, 0), ("2021-2026", 2, 0)], rollup.Levels.Select(level => (level.TermId, level.Processes, level.Completed)));
    }

    [Fact]
    public async Task The_listing_shows_a_process_beneath_the_rollup_with_its_open_steps()
    {
        var commune = await Driver.Open("commune-council", "01834");
        await Driver.Complete(commune, "structure-projected");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var listed = await Host.Read<JsonElement>($"{Routes.ConsultationProcesses}?jurisdictionCode=01834");

        Assert.Equal(["election-committee-formed", "first-consultation"], listed[0].GetProperty("activeSteps").EnumerateArray().Select(step => step.GetString()));
    }

    private async Task AssertNoStepCompleted(string id)
    {
        await using var session = Store.QuerySession();
        Assert.DoesNotContain(await session.Events.FetchStreamAsync(id), e => e.Data is StepCompleted);
    }
}
