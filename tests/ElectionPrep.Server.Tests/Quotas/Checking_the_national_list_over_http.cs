using System.Text.Json;
using ElectionPrep.CandidateLists;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using Marten;
using Marten.Events;

namespace ElectionPrep.Quotas;

/// <summary>
/// Luật 85 Điều 8: the National Assembly's share of women binds the country's official list. Bắc Kạn publishes one woman
/// in three (33%), Cao Bằng two in four: Bắc Kạn's list is published, and the national list (3 of 7, 43%) passes naming it.
/// </summary>
public class Checking_the_national_list_over_http(AppFixture fixture) : IntegrationContext(fixture)
{
    private ProcessDriver Driver => new(Host);

    private static readonly string[] Names = ["Trần Thị Ánh", "Nguyễn Thị Bích", "Hoàng Văn An", "Lê Văn Bình", "Phạm Văn Cường"];

    /// <summary>A provincial National Assembly list of one constituency of one seat, published with the given women and men.</summary>
    private async Task<string> PublishedProvincialList(string province, int women, int men)
    {
        var process = await Driver.OpenForDossiers("national-assembly-provincial", province);
        var ids = new List<string>();
        for (var i = 0; i < women + men; i++)
        {
            var woman = i < women;
            var name = woman ? Names[i] : Names[2 + i - women];
            ids.Add(await Driver.File(process, name, $"001{(woman ? 1 : 0)}85{province}{i:0000}", gender: woman ? "Female" : "Male"));
        }

        await Driver.OpenVoterConferences(process, new Constituency("dv1", "Đơn vị số 1", 1));
        await Driver.HearEveryone(process);
        await Driver.Complete(process, "voter-conferences");
        await Driver.HoldConference(process, 3);
        await Driver.Complete(process, "minutes-sent");
        var publisher = Driver.Acting(process, StepKind.ListPublication);
        foreach (var id in ids) await Driver.Post(Routes.For(Routes.Assignments, process), new { candidacyId = id, constituencyId = "dv1" }, publisher);
        await Driver.Post(Routes.For(Routes.OfficialList, process), new { decisionReference = "NQ 151/NQ-HĐBCQG" }, publisher);
        return process;
    }

    [Fact]
    public async Task A_provincial_list_below_35_percent_women_is_published_and_shown_as_part_of_the_national_list()
    {
        var bacKan = await PublishedProvincialList("06", women: 1, men: 2);

        await using (var session = Store.QuerySession())
        {
            Assert.Contains(await session.Events.FetchStreamAsync(CandidateList.IdFor(bacKan)), e => e.Data is OfficialListPublished);
        }

        var women = (await Host.Read<JsonElement>($"{Routes.For(Routes.Quotas, bacKan)}?scope=Official")).GetProperty("results").EnumerateArray()
            .Single(result => result.GetProperty("ruleId").GetString() == "na-women");
        Assert.Equal(("Warn", "PartOfNationalList"), (women.GetProperty("outcome").GetString(), women.GetProperty("reading").GetString()));
    }

    [Fact]
    public async Task The_national_list_passes_naming_the_provinces_below_35_percent()
    {
        await PublishedProvincialList("06", women: 1, men: 2);
        await PublishedProvincialList("04", women: 2, men: 2);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var report = await Host.Read<JsonElement>(Routes.For(Routes.NationalQuotas, "2021-2026"));

        Assert.Equal((2, 7), (report.GetProperty("lists").GetInt32(), report.GetProperty("candidates").GetInt32()));
        var women = report.GetProperty("results").EnumerateArray().Single(result => result.GetProperty("result").GetProperty("ruleId").GetString() == "na-women");
        Assert.Equal(("Pass", 3), (women.GetProperty("result").GetProperty("outcome").GetString(), women.GetProperty("result").GetProperty("count").GetInt32()));
        Assert.Equal(["Tỉnh Bắc Kạn"], women.GetProperty("partsBelow").EnumerateArray().Select(part => part.GetProperty("name").GetString()));
        Assert.Contains("Tỉnh Bắc Kạn 1/3 (33.33%)", women.GetProperty("partsBelowText").GetProperty("en").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_national_evaluation_of_an_unknown_term_is_a_404() =>
        await Host.Scenario(s =>
        {
            s.Get.Url(Routes.For(Routes.NationalQuotas, "1999-2004"));
            s.WithBearerToken(TestUsers.Clerk);
            s.StatusCodeShouldBe(System.Net.HttpStatusCode.NotFound);
        });
}
