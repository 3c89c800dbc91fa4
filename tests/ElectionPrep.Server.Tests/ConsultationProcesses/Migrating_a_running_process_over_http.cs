using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>
/// A process opened on version 1; the server is then deployed with a version 2 that moves the Election Committee's
/// deadline to round 1's and adds a step at the end. Both the dry run and the migration are recorded.
/// </summary>
public sealed class Migrating_a_running_process_over_http : IAsyncLifetime
{
    private const string Process = "2021-2026.commune-council.01834";
    private readonly TestClock clock = new(AppFixture.Start);
    private readonly string workflows = Repository.CopyOf(WorkflowCatalog.DefaultPath);
    private IAlbaHost host = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateDatabaseAsync("migration");
        await using (var before = await ServerHost.StartAsync(new Dictionary<string, string> { ["ConnectionStrings:ElectionPrep"] = database }, clock))
        {
            await new ProcessDriver(before).Open("commune-council", "01834");
        }

        var version2 = JsonNode.Parse(File.ReadAllText(Path.Combine(workflows, "commune-council.v1.json")))!.AsObject();
        version2["version"] = 2;
        var steps = version2["steps"]!.AsArray();
        steps.Single(step => (string)step!["id"]! == "election-committee-formed")!["deadline"] = "first-consultation";
        steps.Add(JsonNode.Parse("""
            { "id": "results-archived", "title": { "vi": "Lưu trữ hồ sơ", "en": "Records archived" }, "kind": "ListPosting",
              "actingBody": "FrontStandingBoard", "roles": ["Clerk"], "waitsFor": ["lists-posted"], "basis": [ { "instrument": "Luật 85/2015/QH13" } ] }
            """));
        File.WriteAllText(Path.Combine(workflows, "commune-council.v2.json"), version2.ToJsonString());

        host = await ServerHost.StartAsync(new Dictionary<string, string> { ["ConnectionStrings:ElectionPrep"] = database, ["Workflows:Path"] = workflows }, clock);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Directory.Delete(workflows, recursive: true);
    }

    private static readonly string[] Changes = ["added step results-archived", "step election-committee-formed: deadline election-committees-formed → first-consultation"];

    private async Task<List<object>> EventsOfTheProcess()
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(Process)).Select(e => e.Data).ToList();
    }

    private static Task<IScenarioResult> DryRun(ProcessDriver driver) =>
        driver.Post(Routes.For(Routes.Migrations, Process), new { toVersion = 2, dryRun = true, reason = "KH 42 sửa đổi" }, TestUsers.Administrator);

    [Fact]
    public async Task A_dry_run_reports_the_plan_without_migrating()
    {
        var driver = new ProcessDriver(host);

        var plan = await DryRun(driver);

        Assert.Equal(Changes, (await plan.ReadAsJsonAsync<JsonElement>()).GetProperty("changes").EnumerateArray().Select(change => change.GetString()));
        Assert.Equal(1, (await driver.Details(Process)).GetProperty("definitionVersion").GetInt32());
    }

    [Fact]
    public async Task A_dry_run_records_the_plan_in_the_process_history()
    {
        await DryRun(new ProcessDriver(host));

        var planned = Assert.Single((await EventsOfTheProcess()).OfType<ProcessMigrationPlanned>());
        Assert.Equal(("quan.tri", "KH 42 sửa đổi", 1, 2), (planned.PlannedBy, planned.Reason, planned.FromVersion, planned.ToVersion));
    }

    [Fact]
    public async Task A_migration_moves_the_process_to_the_new_version_with_its_changes()
    {
        var driver = new ProcessDriver(host);

        await driver.Post(Routes.For(Routes.Migrations, Process), new { toVersion = 2, dryRun = false, reason = "KH 42 sửa đổi" }, TestUsers.Administrator);

        var details = await driver.Details(Process);
        Assert.Equal(2, details.GetProperty("definitionVersion").GetInt32());
        var committee = details.GetProperty("steps").EnumerateArray().Single(step => step.GetProperty("stepId").GetString() == "election-committee-formed");
        Assert.Equal("2021-02-17T23:59:59+07:00", committee.GetProperty("dueAt").GetString());
        Assert.Contains(details.GetProperty("steps").EnumerateArray(), step => step.GetProperty("stepId").GetString() == "results-archived");
        var events = await EventsOfTheProcess();
        Assert.Equal(Changes, Assert.Single(events.OfType<ProcessMigrated>()).Changes);
        Assert.Single(events.OfType<StepRescheduled>());
    }

    private async Task ThenNothingChanged(long before)
    {
        var after = await new ProcessDriver(host).Details(Process);
        Assert.Equal((1, before), (after.GetProperty("definitionVersion").GetInt32(), after.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task Only_an_administrator_migrates()
    {
        var driver = new ProcessDriver(host);
        var before = (await driver.Details(Process)).GetProperty("version").GetInt64();

        await driver.Post(Routes.For(Routes.Migrations, Process), new { toVersion = 2, dryRun = false, reason = "x" }, TestUsers.Chair, HttpStatusCode.Forbidden);

        await ThenNothingChanged(before);
    }

    [Fact]
    public async Task An_unknown_version_is_a_404()
    {
        var driver = new ProcessDriver(host);
        var before = (await driver.Details(Process)).GetProperty("version").GetInt64();

        await driver.Post(Routes.For(Routes.Migrations, Process), new { toVersion = 7, dryRun = true, reason = "x" }, TestUsers.Administrator, HttpStatusCode.NotFound);

        await ThenNothingChanged(before);
    }

    [Fact]
    public async Task Migrating_to_the_version_it_runs_is_refused()
    {
        var driver = new ProcessDriver(host);
        var before = (await driver.Details(Process)).GetProperty("version").GetInt64();

        var refused = await driver.Post(Routes.For(Routes.Migrations, Process), new { toVersion = 1, dryRun = true, reason = "x" }, TestUsers.Administrator, HttpStatusCode.Conflict);

        await refused.ThenRefused(MigrateProcess.SameVersion);
        await ThenNothingChanged(before);
    }
}
