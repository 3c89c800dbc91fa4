using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;

namespace ElectionPrep.Seeds;

/// <summary>
/// docs/terms.md's promise: a new term is a data change. A made-up third term, its units and its workflow version are
/// written to temporary folders, and a server of this build runs a process through them.
/// </summary>
public sealed class Adding_a_term_as_data : IAsyncLifetime
{
    private const string Term = "2031-2036";

    private readonly string seeds = Repository.CopyOf(SeedCatalog.DefaultPath);
    private readonly string workflows = Repository.CopyOf(WorkflowCatalog.DefaultPath);
    private readonly TestClock clock = new(new DateTimeOffset(2030, 11, 1, 8, 0, 0, TimeSpan.FromHours(7)));
    private IAlbaHost host = null!;

    public async Task InitializeAsync()
    {
        WriteMadeUpTerm();
        host = await ServerHost.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:ElectionPrep"] = await TestDatabase.CreateDatabaseAsync("third_term"),
            ["Seeds:Path"] = seeds,
            ["Workflows:Path"] = workflows,
        }, clock);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Directory.Delete(seeds, recursive: true);
        Directory.Delete(workflows, recursive: true);
    }

    [Fact]
    public async Task A_made_up_third_term_loads_and_runs_a_process_through_its_three_rounds_on_its_own_dates()
    {
        var driver = new ProcessDriver(host);

        var id = await driver.Open("commune-council", "99001", Term);
        await driver.Complete(id, "structure-projected");
        await driver.Complete(id, "election-committee-formed");
        await driver.HoldConference(id, 1);
        await driver.Complete(id, "structure-adjusted");
        await driver.Complete(id, "constituencies-published");
        await driver.Complete(id, "nominations");
        await driver.File(id, "Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ", residence: "99001");
        await driver.Complete(id, "dossiers-filed");
        await driver.HoldConference(id, 2);
        await driver.HearEveryone(id);
        await driver.Complete(id, "voter-conferences");
        await driver.HoldConference(id, 3);
        await driver.Complete(id, "minutes-sent");
        await driver.Complete(id, "official-list-published");
        await driver.Complete(id, "lists-posted");

        var details = await driver.Details(id);
        Assert.Equal("Completed", details.GetProperty("stage").GetString());
        Assert.Equal(("Xã Thử Nghiệm", 3), (details.GetProperty("jurisdictionName").GetString(), details.GetProperty("definitionVersion").GetInt32()));
        var dossiers = details.GetProperty("steps").EnumerateArray().Single(step => step.GetProperty("stepId").GetString() == "dossiers-filed");
        // E−45 at 16:30 before Sunday 16 March 2031: the made-up calendar's own date, written nowhere in code.
        Assert.Equal("2031-01-30 16:30", dossiers.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(7))
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The files docs/terms.md says to write: the term (from the 2026 one, electing only commune councils, with its own
    /// election day and dossier deadline), its units (a synthetic province and commune valid from 2031) and a workflow version.
    /// </summary>
    private void WriteMadeUpTerm()
    {
        var term = JsonNode.Parse(File.ReadAllText(Path.Combine(seeds, "terms", "2026-2031.json")))!.AsObject();
        term["id"] = Term;
        term["name"] = new JsonObject { ["vi"] = "Nhiệm kỳ thử nghiệm 2031–2036", ["en"] = "Made-up term 2031–2036" };
        term["electionDay"] = "2031-03-16";
        term["councils"] = new JsonArray(new JsonObject
        {
            ["council"] = "CommuneCouncil",
            ["workflow"] = new JsonObject { ["id"] = "commune-council", ["version"] = 3 },
            ["ruleSet"] = new JsonObject { ["id"] = "commune-council", ["version"] = 1 },
        });
        foreach (var step in term["calendar"]!.AsArray().Select(step => step!.AsObject()))
        {
            step["appliesTo"] = new JsonArray("CommuneCouncil");
            if (step["id"]!.GetValue<string>() == "dossiers-filed") (step["daysBeforeElection"], step["timeOfDay"]) = (45, "16:30");
        }

        Write(Path.Combine(seeds, "terms", $"{Term}.json"), term);

        var period = new JsonObject { ["source"] = "Made up for a test.", ["notes"] = "Synthetic: no such unit exists.", ["validFrom"] = "2031-01-01" };
        var province = new JsonObject
        {
            ["code"] = "99", ["name"] = "Tỉnh Thử Nghiệm", ["nameEn"] = "Test Province", ["kind"] = "Province", ["mountainous"] = null,
            ["ethnicMinorityShare"] = null, ["hasDistrictCouncils"] = false,
        };
        Write(Path.Combine(seeds, "units", "2031", "provinces.json"), With(period, "units", new JsonArray(province.DeepClone())));
        province["communes"] = new JsonArray(new JsonObject { ["code"] = "99001", ["name"] = "Xã Thử Nghiệm", ["nameEn"] = "Thu Nghiem Commune", ["kind"] = "Commune" });
        Write(Path.Combine(seeds, "units", "2031", "99-thu-nghiem.json"), With(With(period, "synthetic", true), "province", province));

        var workflow = JsonNode.Parse(File.ReadAllText(Path.Combine(workflows, "commune-council.v2.json")))!.AsObject();
        workflow["version"] = 3;
        Write(Path.Combine(workflows, "commune-council.v3.json"), workflow);
    }

    private static JsonObject With(JsonObject node, string member, JsonNode? value)
    {
        var copy = node.DeepClone().AsObject();
        copy[member] = value;
        return copy;
    }

    private static void Write(string file, JsonNode node)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
