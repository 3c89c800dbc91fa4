using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Idempotency;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;

namespace ElectionPrep.CandidateLists;

/// <summary>Ward 01834's commune council with two constituencies and three candidates filed: the clerk places them in one submit.</summary>
public class Placing_candidates_in_constituencies_over_http(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";
    private const string Women = "Hội Liên hiệp Phụ nữ";

    private ProcessDriver Driver => new(Host);

    private string Clerk => Driver.Acting(Process, StepKind.ListPublication);

    private static object Batch(params (string CandidacyId, string ConstituencyId)[] placements) => Batch(false, placements);

    private static object Batch(bool dryRun, params (string CandidacyId, string ConstituencyId)[] placements) =>
        new { assignments = placements.Select(p => new { candidacyId = p.CandidacyId, constituencyId = p.ConstituencyId }), dryRun };

    /// <summary>Files Ánh, Bích and An and publishes constituencies dv1 and dv2; returns their candidacy ids in that order.</summary>
    private async Task<string[]> ThreeFiledAndTwoConstituencies()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        string[] ids =
        [
            await Driver.File(Process, "Trần Thị Ánh", "001185000001", Women),
            await Driver.File(Process, "Nguyễn Thị Bích", "001185000002", Women),
            await Driver.File(Process, "Hoàng Văn An", "001085000003"),
        ];
        await Driver.PublishConstituencies(Process, new Constituency("dv1", "Đơn vị bầu cử số 1", 2), new Constituency("dv2", "Đơn vị bầu cử số 2", 2));
        return ids;
    }

    private async Task<IEnumerable<string?>> PlacesOnTheList() =>
        (await Host.Read<JsonElement>(Routes.For(Routes.CandidateList, Process))).GetProperty("entries").EnumerateArray()
            .Select(entry => entry.GetProperty("constituencyId").GetString());

    [Fact]
    public async Task Every_candidate_of_the_batch_is_placed_in_one_submit()
    {
        var ids = await ThreeFiledAndTwoConstituencies();

        await Driver.Post(Routes.For(Routes.AssignmentBatches, Process), Batch((ids[0], "dv1"), (ids[1], "dv2"), (ids[2], "dv1")), Clerk);

        Assert.Equal(["dv1", "dv2", "dv1"], await PlacesOnTheList());
    }

    [Fact]
    public async Task A_dry_run_shows_the_list_as_it_would_stand_and_places_nobody()
    {
        var ids = await ThreeFiledAndTwoConstituencies();

        var preview = await (await Driver.Post(Routes.For(Routes.AssignmentBatches, Process), Batch(true, (ids[0], "dv2")), Clerk)).ReadAsJsonAsync<JsonElement>();

        Assert.Equal("dv2", preview.GetProperty("entries")[0].GetProperty("constituencyId").GetString());
        Assert.Equal([null, null, null], await PlacesOnTheList());
    }

    [Fact]
    public async Task A_refused_placement_refuses_the_batch_naming_it_and_places_nobody()
    {
        var ids = await ThreeFiledAndTwoConstituencies();
        var before = await Events.CountAsync(Host);

        var result = await Driver.Post(Routes.For(Routes.AssignmentBatches, Process), Batch((ids[0], "dv1"), (ids[1], "dv9")), Clerk, HttpStatusCode.Conflict);

        var item = Assert.Single((await result.ThenRefused(AssignConstituencies.AssignmentsRefused)).GetProperty("items").EnumerateArray());
        Assert.Equal((2, "Nguyễn Thị Bích", ListRefusals.UnknownConstituency),
            (item.GetProperty("position").GetInt32(), item.GetProperty("label").GetString(), item.GetProperty("code").GetString()));
        Assert.Equal(before, await Events.CountAsync(Host));
    }

    [Fact]
    public async Task A_clerk_of_another_ward_cannot_place_this_wards_candidates()
    {
        var ids = await ThreeFiledAndTwoConstituencies();
        var before = await Events.CountAsync(Host);

        await Driver.Post(Routes.For(Routes.AssignmentBatches, Process), Batch((ids[0], "dv1")),
            Driver.Acting("2021-2026.commune-council.01837", StepKind.ListPublication), HttpStatusCode.Forbidden);

        Assert.Equal(before, await Events.CountAsync(Host));
    }

    [Fact]
    public async Task A_placement_without_a_constituency_is_named_by_its_item_and_field()
    {
        var ids = await ThreeFiledAndTwoConstituencies();

        var result = await Driver.Post(Routes.For(Routes.AssignmentBatches, Process), Batch((ids[0], "dv1"), (ids[1], "")), Clerk, HttpStatusCode.BadRequest);

        var errors = (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("errorsEn");
        Assert.Equal("The constituency id is required.", errors.GetProperty("assignments[1].constituencyId")[0].GetString());
        Assert.Equal([null, null, null], await PlacesOnTheList());
    }
}
