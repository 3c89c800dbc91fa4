using System.Globalization;
using System.Text;
using ElectionPrep.Database;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using NJsonSchema;

namespace ElectionPrep.Workflows;

/// <summary>
/// The workflow definitions in workflows/: every version of each, checked against workflows/schema.json and
/// then for meaning (<see cref="WorkflowDefinitionValidator"/>). A new process pins the version its term binds to its
/// council kind (seeds/terms, <c>councils[].workflow</c>); older processes keep the version they pinned.
/// </summary>
public sealed class WorkflowCatalog
{
    public const string SchemaFile = "schema.json";

    private readonly IReadOnlyList<WorkflowDefinition> definitions;

    private WorkflowCatalog(IReadOnlyList<WorkflowDefinition> definitions) => this.definitions = definitions;

    public IReadOnlyList<WorkflowDefinition> All => definitions;

    /// <summary>The definitions shipped beside the server binary, unless Workflows:Path points elsewhere.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "workflows");

    /// <summary>The version the term binds to the council kind, or null when the term elects no such council.</summary>
    public WorkflowDefinition? For(Term term, CouncilKind council) =>
        term.CouncilOf(council) is { } entry ? Find(entry.Workflow.Id, entry.Workflow.Version) : null;

    /// <summary>The newest version for a council kind, whichever term binds it.</summary>
    public WorkflowDefinition LatestFor(CouncilKind council) =>
        definitions.Where(definition => definition.Council == council).MaxBy(definition => definition.Version)
        ?? throw new InvalidOperationException($"No workflow for {council}; the catalog check should have refused start-up.");

    /// <summary>The definition version a process pinned.</summary>
    public WorkflowDefinition DefinitionOf(ConsultationProcesses.ConsultationProcess process) =>
        Find(process.DefinitionId, process.DefinitionVersion)
        ?? throw new InvalidOperationException($"Process {process.Id} runs {process.DefinitionId} v{process.DefinitionVersion}, which is no longer in workflows/.");

    public WorkflowDefinition? Find(string id, int version) =>
        definitions.FirstOrDefault(definition => definition.Id == id && definition.Version == version);

    public static WorkflowCatalog Load(string folder, SeedCatalog seeds)
    {
        var (catalog, problems) = Check(folder, seeds);
        if (problems.Count == 0) return catalog!;

        var message = new StringBuilder($"Workflow definitions in {Path.GetFullPath(folder)} are invalid; start-up stopped.");
        foreach (var problem in problems) message.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}  {problem}");
        throw new StartupRefusedException(message.ToString());
    }

    /// <summary>Every problem in every definition file, for start-up and for the validate-workflows command.</summary>
    public static (WorkflowCatalog? Catalog, IReadOnlyList<FileProblem> Problems) Check(string folder, SeedCatalog seeds)
    {
        var schemaPath = Path.Combine(folder, SchemaFile);
        if (!File.Exists(schemaPath)) return (null, [new FileProblem(schemaPath, "$", "the JSON Schema of workflow definitions is missing")]);

        var schema = JsonSchema.FromFileAsync(schemaPath).GetAwaiter().GetResult();
        var validator = new WorkflowDefinitionValidator(seeds);
        var problems = new List<FileProblem>();
        var loaded = new List<(string File, WorkflowDefinition Definition)>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Where(file => Path.GetFileName(file) != SchemaFile).Order())
        {
            var schemaProblems = Leaves(schema.Validate(File.ReadAllText(file)))
                .Select(error => new FileProblem(file, JsonPathOf(error.Path), $"{error.Kind}{(error.Property is null ? "" : $" ({error.Property})")}"))
                .ToList();
            if (schemaProblems.Count > 0)
            {
                problems.AddRange(schemaProblems);
                continue;
            }

            var (definition, fileProblems) = SeedFile.TryRead(file, validator, SeedJson.SchemaCheckedOptions);
            problems.AddRange(fileProblems);
            if (fileProblems.Count > 0) continue;
            if (Path.GetFileName(file) != $"{definition!.Id}.v{definition.Version}.json")
            {
                problems.Add(new FileProblem(file, "$.id", $"the file of {definition.Id} version {definition.Version} is named {definition.Id}.v{definition.Version}.json"));
            }

            loaded.Add((file, definition));
        }

        problems.AddRange(BindingProblems(folder, seeds, loaded.Select(entry => entry.Definition).ToList()));

        foreach (var clash in loaded.GroupBy(entry => entry.Definition.Council).Where(group => group.Select(entry => entry.Definition.Id).Distinct().Count() > 1))
        {
            problems.Add(new FileProblem(clash.First().File, "$.council", $"{clash.Key} has more than one workflow id: {string.Join(", ", clash.Select(entry => entry.Definition.Id).Distinct())}"));
        }

        return problems.Count == 0 ? (new WorkflowCatalog(loaded.Select(entry => entry.Definition).ToList()), []) : (null, problems);
    }

    /// <summary>Every council a term elects is bound to a definition that exists and is for that council.</summary>
    private static IEnumerable<FileProblem> BindingProblems(string folder, SeedCatalog seeds, IReadOnlyList<WorkflowDefinition> loaded) =>
        seeds.Terms.SelectMany(term => term.Councils.Select((entry, index) => (entry, index, found: loaded.FirstOrDefault(definition =>
                definition.Id == entry.Workflow.Id && definition.Version == entry.Workflow.Version)))
            .Where(binding => binding.found?.Council != binding.entry.Council)
            .Select(binding => new FileProblem($"term {term.Id}", $"$.councils[{binding.index}].workflow", binding.found is null
                ? $"no workflow definition {binding.entry.Workflow} in {Path.GetFullPath(folder)}"
                : $"{binding.entry.Workflow} is a workflow for {binding.found.Council}, not {binding.entry.Council}")));

    /// <summary>The errors that say what is wrong, not the "array item not valid" wrappers around them.</summary>
    private static IEnumerable<NJsonSchema.Validation.ValidationError> Leaves(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        errors.SelectMany(error => error is NJsonSchema.Validation.ChildSchemaValidationError child && child.Errors.Count > 0
            ? Leaves(child.Errors.SelectMany(pair => pair.Value))
            : [error]);

    /// <summary>NJsonSchema's "#/steps[2].kind" as "$.steps[2].kind".</summary>
    private static string JsonPathOf(string? schemaPath) =>
        string.IsNullOrEmpty(schemaPath) || schemaPath == "#" ? "$" : "$." + schemaPath.TrimStart('#', '/').Replace('/', '.');
}
