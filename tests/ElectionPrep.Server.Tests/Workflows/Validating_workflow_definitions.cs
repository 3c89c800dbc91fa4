using System.Text.Json.Nodes;
using ElectionPrep.Infrastructure;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;

namespace ElectionPrep.Workflows;

public sealed class Validating_workflow_definitions : IDisposable
{
    private static readonly SeedCatalog Seeds = SeedCatalog.Load(SeedCatalog.DefaultPath);
    private readonly string folder = Repository.CopyOf(WorkflowCatalog.DefaultPath);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_shipped_definitions_are_valid_and_bound_to_every_council_of_each_term()
    {
        var (catalog, problems) = WorkflowCatalog.Check(WorkflowCatalog.DefaultPath, Seeds);

        Assert.Empty(problems);
        Assert.All(Seeds.Terms.SelectMany(term => term.Councils.Select(entry => (term, entry.Council))),
            pair => Assert.Equal(pair.Council, catalog!.For(pair.term, pair.Council)!.Council));
    }

    [Fact]
    public void Each_term_pins_its_own_version_and_the_2021_processes_keep_version_1()
    {
        var catalog = WorkflowCatalog.Load(WorkflowCatalog.DefaultPath, Seeds);

        Assert.Equal(1, catalog.For(Seeds.TermOf("2021-2026"), Terms.CouncilKind.CommuneCouncil)!.Version);
        Assert.Equal(2, catalog.For(Seeds.TermOf("2026-2031"), Terms.CouncilKind.CommuneCouncil)!.Version);
        Assert.Null(catalog.For(Seeds.TermOf("2026-2031"), Terms.CouncilKind.DistrictCouncil));
    }

    /// <summary>What to change in commune-council.v1.json, and the path and reason the problem must name.</summary>
    public static TheoryData<string, Action<JsonObject>, string, string> Breakages => new()
    {
        { "an unknown step kind", d => Step(d, 0)["kind"] = "Party", "$.steps[0].kind", "NotInEnumeration" },
        { "a step without roles", d => Step(d, 1).Remove("roles"), "$.steps[1].roles", "PropertyRequired" },
        { "an observer acting on a step", d => Step(d, 1)["roles"] = new JsonArray("Clerk", "Observer"), "$.steps[1].roles[1]", "NotInEnumeration" },
        { "an administrator acting on a step", d => Step(d, 1)["roles"] = new JsonArray("Administrator"), "$.steps[1].roles[0]", "NotInEnumeration" },
        { "an unknown gate", d => Step(d, 2)["gates"] = new JsonArray("all-good"), "$.steps[2].gates[0]", "NotInEnumeration" },
        { "an unknown member", d => d["owner"] = "x", "$.owner", "NoAdditionalPropertiesAllowed" },
        { "waiting for an unknown step", d => Step(d, 3)["waitsFor"] = new JsonArray("nowhere"), "$.steps[3]", "waits for unknown or itself: nowhere" },
        { "a cycle", d => Step(d, 0)["waitsFor"] = new JsonArray("lists-posted"), "$.steps", "cycle: structure-projected → lists-posted" },
        { "a deadline not in the calendar", d => Step(d, 4)["deadline"] = "someday", "$.steps[4]", "deadline 'someday' is not a calendar step" },
        { "two steps with one id", d => Step(d, 1)["id"] = "structure-projected", "$.steps", "step ids must be unique" },
        { "no round deciding the qualified list", d => Step(d, 9)["decides"] = "PreliminaryList", "$.steps", "exactly one conference step deciding each of Structure, PreliminaryList, QualifiedList" },
        { "two conferences numbered alike", d => Step(d, 9)["round"] = 2, "$.steps", "each conference step has a round number of its own" },
        { "the rounds out of the law's order", d => { Step(d, 2)["decides"] = "PreliminaryList"; Step(d, 7)["decides"] = "Structure"; }, "$.steps", "in the law's order" },
        { "a conference that decides nothing", d => Step(d, 2).Remove("decides"), "$.steps[2].decides", "a conference step says what it decides" },
        { "a round on another step", d => Step(d, 0)["round"] = 1, "$.steps[0].round", "only a conference step has a round" },
        { "another version in the file", d => d["version"] = 2, "$.id", "is named commune-council.v2.json" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_definition_is_refused_with_its_file_path_and_reason(string breakage, Action<JsonObject> @break, string path, string reason)
    {
        var file = Path.Combine(folder, "commune-council.v1.json");
        var definition = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        @break(definition);
        File.WriteAllText(file, definition.ToJsonString());

        var (catalog, problems) = WorkflowCatalog.Check(folder, Seeds);

        Assert.True(catalog is null, $"a definition with {breakage} must be refused");
        Assert.Contains(problems, problem => problem.File == file && problem.Path == path && problem.Problem.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_definition_a_term_binds_that_is_missing_is_refused_naming_the_term_and_its_council()
    {
        File.Delete(Path.Combine(folder, "district-council.v1.json"));

        var (_, problems) = WorkflowCatalog.Check(folder, Seeds);

        var problem = Assert.Single(problems);
        Assert.Equal(("term 2021-2026", "$.councils[3].workflow"), (problem.File, problem.Path));
        Assert.StartsWith("no workflow definition district-council v1 in ", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_whose_deadline_is_missing_from_the_2026_calendar_is_refused_naming_that_term()
    {
        var file = Path.Combine(folder, "commune-council.v2.json");
        var definition = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        Step(definition, 4)["deadline"] = "someday";
        File.WriteAllText(file, definition.ToJsonString());

        var (_, problems) = WorkflowCatalog.Check(folder, Seeds);

        Assert.Contains(problems, problem => problem.File == file && problem.Problem.Contains("in every term that runs this workflow (2026-2031)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_schema_names_exactly_the_kinds_bodies_roles_and_gates_the_domain_knows()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(WorkflowCatalog.DefaultPath, WorkflowCatalog.SchemaFile)))!;
        var step = schema["definitions"]!["step"]!["properties"]!;
        string[] Enum(JsonNode node) => [.. node.AsArray().Select(value => value!.GetValue<string>()).Order()];

        Assert.Equal(System.Enum.GetNames<StepKind>().Order(), Enum(step["kind"]!["enum"]!));
        Assert.Equal(System.Enum.GetNames<Body>().Order(), Enum(step["actingBody"]!["enum"]!));
        // Observers and administrators are roles the domain knows, but never act on a step.
        Assert.Equal(System.Enum.GetNames<ActorRole>().Except([nameof(ActorRole.Observer), nameof(ActorRole.Administrator)]).Order(), Enum(step["roles"]!["items"]!["enum"]!));
        Assert.Equal(Gates.Known.Order(), Enum(step["gates"]!["items"]!["enum"]!));
        Assert.Equal(System.Enum.GetNames<Terms.CouncilKind>().Order(), Enum(schema["definitions"]!["councilKind"]!["enum"]!));
    }

    [Fact]
    public async Task The_validate_workflows_command_fails_printing_each_problem()
    {
        File.Delete(Path.Combine(folder, "district-council.v1.json"));

        await using var broken = ServerProcess.Start(new Dictionary<string, string>(), "validate-workflows", "--workflows", folder);

        Assert.Equal(1, await broken.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains($"term 2021-2026: $.councils[3].workflow: no workflow definition district-council v1 in {folder}", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_validate_workflows_command_fails_naming_a_broken_2026_term_file_its_path_and_problem()
    {
        var seeds = Loading_the_seeds.CopyOfShippedSeeds();
        try
        {
            Loading_the_seeds.Break(Path.Combine(seeds, "terms", "2026-2031.json"), "$.calendar[5].basis", "[]");

            await using var broken = ServerProcess.Start(new Dictionary<string, string>(), "validate-workflows", "--seeds", seeds);

            Assert.Equal(1, await broken.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains($"Seed file {Path.Combine(seeds, "terms", "2026-2031.json")} is invalid", broken.Output, StringComparison.Ordinal);
            Assert.Contains("$.calendar[5].basis: every step cites its legal basis", broken.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(seeds, recursive: true);
        }
    }

    [Fact]
    public async Task The_validate_workflows_command_passes_the_shipped_definitions()
    {
        await using var shipped = ServerProcess.Start(new Dictionary<string, string>(), "validate-workflows");

        Assert.Equal(0, await shipped.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("ok: commune-council v1 (13 steps)", shipped.Output, StringComparison.Ordinal);
        Assert.Contains("ok: commune-council v2 (13 steps)", shipped.Output, StringComparison.Ordinal);
        Assert.Contains("ok: term 2026-2031 (Election of the 16th National Assembly and People's Councils, term 2026–2031), election day 2026-03-15: "
            + "national-assembly-central on national-assembly-central v2", shipped.Output, StringComparison.Ordinal);
        Assert.Contains("ok: term 2021-2026", shipped.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_diagrams_in_docs_are_generated_from_the_current_definitions()
    {
        var catalog = WorkflowCatalog.Load(WorkflowCatalog.DefaultPath, Seeds);
        var document = File.ReadAllText(Path.Combine(Repository.Root, "docs", "workflows.md"));

        var regenerated = WorkflowDiagrams.Rewrite(document, WorkflowDiagrams.Section(catalog.All, Seeds.Terms));

        Assert.True(regenerated == document, "docs/workflows.md is out of date: run `dotnet run --project src/ElectionPrep.Server -- workflow-diagrams`");
        Assert.Contains("first_consultation{{", document, StringComparison.Ordinal);
    }

    private static JsonObject Step(JsonObject definition, int index) => definition["steps"]![index]!.AsObject();
}
