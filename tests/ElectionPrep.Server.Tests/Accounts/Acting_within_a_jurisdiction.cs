using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;

namespace ElectionPrep.Accounts;

public class Acting_within_a_jurisdiction(AppFixture fixture) : IntegrationContext(fixture)
{
    private static string ClerkOf(string jurisdiction) => TestUsers.Token($"thu.ky.{jurisdiction}", [new Claim("jurisdiction", jurisdiction)], ActorRole.Clerk);

    private ProcessDriver Driver => new(Host);

    [Fact]
    public async Task A_commune_clerk_acts_on_that_communes_process_and_not_on_another()
    {
        var own = await Driver.Open("commune-council", "01834");
        var other = await Driver.Open("commune-council", "01837");

        await Driver.Complete(own, "structure-projected", ClerkOf("01834"));
        var refused = await Driver.Complete(other, "structure-projected", ClerkOf("01834"), HttpStatusCode.Forbidden);

        var problem = await refused.ReadAsJsonAsync<JsonElement>();
        Assert.Equal(JurisdictionScope.OutsideJurisdiction, problem.GetProperty("title").GetString());
        Assert.Contains("01837", problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
        Assert.Contains("structure-projected", await Driver.ActiveSteps(other));
    }

    [Fact]
    public async Task A_provinces_staff_act_on_the_processes_beneath_it_and_a_district_clerk_not_above()
    {
        var commune = await Driver.Open("commune-council", "01834");
        var province = await Driver.Open("provincial-council", "06");

        await Driver.Complete(commune, "structure-projected", ClerkOf("06"));
        await Driver.Complete(province, "structure-projected", ClerkOf("058"), HttpStatusCode.Forbidden);

        Assert.DoesNotContain("structure-projected", await Driver.ActiveSteps(commune));
        Assert.Contains("structure-projected", await Driver.ActiveSteps(province));
    }
}
