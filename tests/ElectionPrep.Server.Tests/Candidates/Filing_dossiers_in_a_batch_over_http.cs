using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using Marten;

namespace ElectionPrep.Candidates;

/// <summary>Ward 01834's commune council, its dossier window open: the clerk files the ward's spreadsheet in one submit.</summary>
public class Filing_dossiers_in_a_batch_over_http(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";
    private const string Women = "Hội Liên hiệp Phụ nữ";

    private ProcessDriver Driver => new(Host);

    private string Clerk => Driver.Acting(Process, StepKind.DossierWindow);

    private static object Batch(bool dryRun, params object[] dossiers) => new { dossiers, dryRun };

    private static readonly object[] ThreeDossiers =
    [
        ProcessDriver.Dossier("Trần Thị Ánh", "001185000001", Women),
        ProcessDriver.Dossier("Nguyễn Thị Bích", "001185000002", Women),
        ProcessDriver.Dossier("Hoàng Văn An", "001085000003", gender: "Male"),
    ];

    private async Task<long> EventCount()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    private async Task<JsonElement> ListOf(string processId) => await Host.Read<JsonElement>(Routes.For(Routes.CandidateList, processId));

    [Fact]
    public async Task Every_dossier_of_the_batch_is_filed_onto_the_list()
    {
        await Driver.OpenForDossiers("commune-council", "01834");

        var filed = await (await Driver.Post(Routes.For(Routes.CandidacyBatches, Process), Batch(false, ThreeDossiers), Clerk)).ReadAsJsonAsync<FiledBatch>();

        Assert.Equal(["Trần Thị Ánh", "Nguyễn Thị Bích", "Hoàng Văn An"], filed!.Candidacies.Select(c => c.Dossier.FullName));
        Assert.Equal(3, (await ListOf(Process)).GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task A_dry_run_previews_the_batch_and_records_nothing()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var before = await EventCount();

        var preview = await (await Driver.Post(Routes.For(Routes.CandidacyBatches, Process), Batch(true, ThreeDossiers), Clerk)).ReadAsJsonAsync<FiledBatch>();

        Assert.Equal(3, preview!.Candidacies.Count);
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task A_bad_cell_is_named_by_its_row_and_field_and_nothing_is_recorded()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var before = await EventCount();

        var result = await Driver.Post(Routes.For(Routes.CandidacyBatches, Process),
            Batch(false, ThreeDossiers[0], ProcessDriver.Dossier("Nguyễn Thị Bích", "12345")), Clerk, HttpStatusCode.BadRequest);

        var errors = (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("errorsEn");
        Assert.Equal("The citizen ID number has 12 digits.", errors.GetProperty("dossiers[1].citizenId")[0].GetString());
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task A_refused_row_refuses_the_batch_naming_that_row_and_nothing_is_recorded()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var before = await EventCount();

        var result = await Driver.Post(Routes.For(Routes.CandidacyBatches, Process),
            Batch(false, ThreeDossiers[0], ProcessDriver.Dossier("Trần Thị Ánh", "001185000001", Women)), Clerk, HttpStatusCode.Conflict);

        var item = Assert.Single((await result.ThenRefused(FileCandidacies.RowsRefused)).GetProperty("items").EnumerateArray());
        Assert.Equal((2, "Trần Thị Ánh", FileCandidacy.Ineligible),
            (item.GetProperty("position").GetInt32(), item.GetProperty("label").GetString(), item.GetProperty("code").GetString()));
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task A_clerk_of_another_ward_cannot_file_this_wards_batch()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var before = await EventCount();

        await Driver.Post(Routes.For(Routes.CandidacyBatches, Process), Batch(false, ThreeDossiers),
            Driver.Acting("2021-2026.commune-council.01837", StepKind.DossierWindow), HttpStatusCode.Forbidden);

        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task A_batch_sent_again_with_its_idempotency_key_is_filed_once()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        Task<IScenarioResult> Send() => Driver.Tracked(s =>
        {
            s.Post.Json(Batch(false, ThreeDossiers)).ToUrl(Routes.For(Routes.CandidacyBatches, Process));
            s.WithBearerToken(Clerk);
            s.WithRequestHeader(IdempotencyKeys.HeaderName, "lo-ho-so-1");
            s.StatusCodeShouldBe(HttpStatusCode.OK);
        });

        var first = await (await Send()).ReadAsTextAsync();
        var again = await (await Send()).ReadAsTextAsync();

        Assert.Equal(first, again);
        Assert.Equal(3, (await ListOf(Process)).GetProperty("entries").GetArrayLength());
    }
}
