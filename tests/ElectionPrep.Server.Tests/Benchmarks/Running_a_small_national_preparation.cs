using System.Globalization;
using System.Text.Json;
using Alba;
using ElectionPrep.Audit;
using ElectionPrep.Benchmarks;
using ElectionPrep.Candidates;
using ElectionPrep.Database;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.Benchmarks;

/// <summary>
/// The benchmark's small variant as a correctness check of the generator and the run, never of their speed: Bắc Kạn's
/// province, one district and two communes, with the two National Assembly processes, taken through the real API.
/// </summary>
public class Running_a_small_national_preparation(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<(NationalPlan Plan, PreparationRun Run, PipelineClient Client)> RunSmall()
    {
        var seeds = Host.Services.GetRequiredService<SeedCatalog>();
        // The generator builds the 2021 tree (provinces, districts, communes), so the run prepares the term of that tree.
        var term = seeds.TermOf("2021-2026");
        var calendar = new RunCalendar(term, seeds.TimeZoneOf(term));
        var plan = NationalPlan.Generate(BenchmarkScale.Small, AdministrativeTree.Generate(SeedCatalog.DefaultPath, 2021), term, calendar, 2021);
        var client = new PipelineClient(Host.Server.CreateClient(), TestUsers.Of);
        var run = new PreparationRun(plan, client, Host.Services.GetRequiredService<WorkflowCatalog>(), calendar, at => Clock.Now = at, clients: 2);
        await run.RunAsync(CancellationToken.None);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        return (plan, run, client);
    }

    [Fact]
    public async Task Every_process_reaches_its_published_list_and_each_planned_refusal_is_the_rule_it_was_planned_for()
    {
        var (plan, run, client) = await RunSmall();

        Assert.Empty(run.Broken);
        Assert.Empty(client.Failures);
        Assert.Equal(plan.Count(CandidateFate.Qualified) + plan.Count(CandidateFate.Distrusted), run.FiledCount);
        Assert.Equal(new Dictionary<string, int>
        {
            [FileCandidacy.DeadlinePassed] = plan.Count(CandidateFate.Late),
            [FileCandidacy.Ineligible] = plan.Count(CandidateFate.Ineligible) + plan.Count(CandidateFate.Duplicate),
        }, client.Refusals.Where(pair => pair.Value > 0).ToDictionary());
        foreach (var process in plan.Processes)
        {
            var list = await Host.Read<JsonElement>(Routes.For(Routes.CandidateList, process.Id(plan.TermId)));
            Assert.Equal("Official", list.GetProperty("stage").GetString());
            Assert.Equal(process.Candidates.Count(candidate => candidate.Fate == CandidateFate.Qualified),
                list.GetProperty("official").EnumerateArray().Sum(constituency => constituency.GetProperty("candidacyIds").GetArrayLength()));
        }
    }

    [Fact]
    public async Task The_audit_log_holds_every_event_and_proves_the_last_one()
    {
        await RunSmall();

        await using var session = Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().CountAsync();
        var last = await session.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).FirstAsync();
        var logged = await Eventually.Until(LogSize, size => size == events, TimeSpan.FromSeconds(60));
        var proof = await Host.Read<InclusionProof>($"{Routes.For(Routes.AuditInclusionProof, last.Sequence.ToString(CultureInfo.InvariantCulture))}?treeSize={events}");

        Assert.Equal(events, logged);
        Assert.True(MerkleTree.VerifyInclusion(proof.LeafIndex, proof.TreeSize, Convert.FromHexString(proof.LeafHash), proof.Path.Select(Convert.FromHexString).ToList(),
            Convert.FromHexString(proof.RootHash)));
    }

    [Fact]
    public async Task Every_stored_event_is_declared_an_event_of_its_streams_aggregate_so_its_projection_folds_it()
    {
        await RunSmall();

        await using var session = Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().ToListAsync();
        foreach (var stream in events.GroupBy(e => e.StreamKey!))
        {
            var aggregate = (await session.Events.FetchStreamStateAsync(stream.Key))!.AggregateType!;
            Assert.All(stream, e => Assert.Contains(e.EventType, AggregateEvents.Of(aggregate)));
        }
    }

    [Fact]
    public void The_generated_seeds_hold_everything_a_server_loads_at_start_up()
    {
        var folder = TestDatabase.TemporaryFolder();
        try
        {
            AdministrativeTree.Generate(SeedCatalog.DefaultPath, 2021).WriteSeeds(SeedCatalog.DefaultPath, folder);

            var seeds = SeedCatalog.Load(folder);

            Assert.NotNull(Forms.FormCatalog.Load(folder, seeds));
            Assert.Equal(63, seeds.Units.All.Count(unit => unit.Level == Terms.UnitLevel.Province));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<long> LogSize()
    {
        await using var session = Store.QuerySession();
        return (await session.LoadAsync<AuditLogHead>(AuditLogHead.DocumentId))?.Size ?? 0;
    }
}
