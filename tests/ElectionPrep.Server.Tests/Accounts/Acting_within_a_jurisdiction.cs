using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using Marten;

namespace ElectionPrep.Accounts;

public class Acting_within_a_jurisdiction(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Ward = "2021-2026.commune-council.01834";

    private ProcessDriver Driver => new(Host);

    private async Task<long> EventCountAsync()
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(Ward))?.Version ?? 0;
    }

    private static async Task ThenForbidden(IScenarioResult result, string code)
    {
        var problem = await result.ThenRefused(code);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detailEn").GetString()));
    }

    [Fact]
    public async Task A_wards_front_clerk_is_refused_on_another_wards_step()
    {
        await Driver.Open("commune-council", "01834");
        await Driver.Open("commune-council", "01837");
        var before = await EventCountAsync();

        var refused = await Driver.Post(Routes.For(Routes.Conferences, Ward), new { }, TestUsers.Of(Body.FrontStandingBoard, ActorRole.Clerk, "01837"), HttpStatusCode.Forbidden);

        await ThenForbidden(refused, Mandate.OutsideJurisdiction);
        Assert.Equal(before, await EventCountAsync());
    }

    [Fact]
    public async Task The_province_front_chair_is_refused_a_step_of_the_councils_standing_body()
    {
        await Driver.Open("commune-council", "01834");

        var refused = await Driver.Complete(Ward, "structure-projected", TestUsers.Of(Body.FrontStandingBoard, ActorRole.CommitteeChair, "06"), HttpStatusCode.Forbidden);

        await ThenForbidden(refused, Mandate.BodyNotMandated);
        Assert.Contains("structure-projected", await Driver.ActiveSteps(Ward));
    }

    [Fact]
    public async Task The_councils_standing_body_of_the_ward_completes_its_step()
    {
        await Driver.Open("commune-council", "01834");

        await Driver.Complete(Ward, "structure-projected", TestUsers.Of(Body.CouncilStandingBody, ActorRole.Clerk, "01834"));

        Assert.DoesNotContain("structure-projected", await Driver.ActiveSteps(Ward));
    }

    [Fact]
    public async Task A_wards_chair_is_refused_a_process_for_a_commune_of_another_district()
    {
        var refused = await Driver.Post(Routes.ConsultationProcesses, new { termId = "2021-2026", council = "commune-council", jurisdictionCode = "01837" },
            TestUsers.Of(Body.FrontStandingBoard, ActorRole.CommitteeChair, "01834"), HttpStatusCode.Forbidden);

        await ThenForbidden(refused, Mandate.OutsideJurisdiction);
        await using var session = Store.QuerySession();
        Assert.Null(await session.Events.FetchStreamStateAsync("2021-2026.commune-council.01837"));
    }

    [Fact]
    public async Task The_front_of_the_city_above_opens_a_wards_process()
    {
        await Driver.Post(Routes.ConsultationProcesses, new { termId = "2021-2026", council = "commune-council", jurisdictionCode = "01834" },
            TestUsers.Of(Body.FrontStandingBoard, ActorRole.CommitteeMember, "058"), HttpStatusCode.Created);

        Assert.NotEmpty(await Driver.ActiveSteps(Ward));
    }

    [Fact]
    public async Task An_observer_is_refused_every_action_on_a_step()
    {
        await Driver.Open("commune-council", "01834");

        var refused = await Driver.Complete(Ward, "structure-projected", TestUsers.Observer, HttpStatusCode.Forbidden);

        await ThenForbidden(refused, Mandate.RoleNotMandated);
    }
}
