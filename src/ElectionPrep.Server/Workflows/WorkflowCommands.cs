using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using JasperFx.CommandLine;

namespace ElectionPrep.Workflows;

/// <summary>Where the data files are; the shipped ones by default.</summary>
public class WorkflowFilesInput
{
    [Description("Folder of the workflow definitions (default: the shipped workflows/)")]
    public string WorkflowsFlag { get; set; } = WorkflowCatalog.DefaultPath;

    [Description("Folder of the seeds the definitions refer to (default: the shipped seeds/)")]
    public string SeedsFlag { get; set; } = SeedCatalog.DefaultPath;
}

/// <summary>
/// Checks every definition, and every term's binding of its councils to them, without starting the server: file, JSON
/// path and problem, one per line.
/// </summary>
[Description("Validate the workflow definitions: prints file, JSON path and problem; exit code 1 when any is broken", Name = "validate-workflows")]
public class ValidateWorkflowsCommand : JasperFxCommand<WorkflowFilesInput>
{
    public override bool Execute(WorkflowFilesInput input)
    {
        SeedCatalog seeds;
        try
        {
            seeds = SeedCatalog.Load(input.SeedsFlag);
        }
        catch (Database.StartupRefusedException refused)
        {
            // A broken term or unit file: its file, path and problem, as start-up prints them.
            Console.Error.WriteLine(refused.Message);
            return false;
        }

        var (catalog, problems) = WorkflowCatalog.Check(input.WorkflowsFlag, seeds);
        foreach (var problem in problems) Console.Error.WriteLine(problem);
        if (catalog is not null)
        {
            foreach (var definition in catalog.All) Console.WriteLine($"ok: {definition.Id} v{definition.Version} ({definition.Steps.Count} steps)");
            foreach (var term in seeds.TermsLatestFirst)
            {
                Console.WriteLine($"ok: term {term.Id} ({term.Name.En}), election day {term.ElectionDay:yyyy-MM-dd}: "
                    + string.Join(", ", term.Councils.Select(entry => $"{entry.Council.Slug()} on {entry.Workflow}, rules {entry.RuleSet}")));
            }
        }

        return problems.Count == 0;
    }
}

public class WorkflowDiagramsInput : WorkflowFilesInput
{
    [Description("The document whose generated section is rewritten (default: docs/workflows.md of the repository around the current folder)")]
    public string OutputFlag { get; set; } = Path.Combine(RepositoryRoot(), "docs", "workflows.md");

    // `dotnet run --project` starts in the project folder; the document lives at the repository root.
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ElectionPrep.sln"))) return folder.FullName;
        }

        return Directory.GetCurrentDirectory();
    }
}

/// <summary>Writes the Mermaid diagrams of every definition into docs/workflows.md.</summary>
[Description("Generate the workflow diagrams (Mermaid) into docs/workflows.md from the definitions", Name = "workflow-diagrams")]
public class WorkflowDiagramsCommand : JasperFxCommand<WorkflowDiagramsInput>
{
    public override bool Execute(WorkflowDiagramsInput input)
    {
        var seeds = SeedCatalog.Load(input.SeedsFlag);
        var catalog = WorkflowCatalog.Load(input.WorkflowsFlag, seeds);
        var document = File.Exists(input.OutputFlag) ? File.ReadAllText(input.OutputFlag) : "# Workflows\n";
        File.WriteAllText(input.OutputFlag, WorkflowDiagrams.Rewrite(document, WorkflowDiagrams.Section(catalog.All, seeds.Terms)));
        Console.WriteLine($"Wrote {catalog.All.Count} diagrams to {input.OutputFlag}");
        return true;
    }
}
