using System.Globalization;
using System.Text;
using ElectionPrep.Terms;

namespace ElectionPrep.Workflows;

/// <summary>
/// Mermaid diagrams of the workflow definitions, generated from the JSON so the picture can never disagree with
/// what runs. docs/workflows.md holds them between markers; `workflow-diagrams` rewrites that section.
/// </summary>
public static class WorkflowDiagrams
{
    public const string Begin = "<!-- BEGIN GENERATED: workflow-diagrams (do not edit; run `dotnet run --project src/ElectionPrep.Server -- workflow-diagrams`) -->";
    public const string End = "<!-- END GENERATED: workflow-diagrams -->";

    /// <summary>The generated section: one heading, table and diagram per definition, in id and version order.</summary>
    public static string Section(IEnumerable<WorkflowDefinition> definitions, Term term)
    {
        var text = new StringBuilder();
        foreach (var definition in definitions.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version))
        {
            text.Append(CultureInfo.InvariantCulture, $"### {definition.Id} v{definition.Version}: {definition.Title.En}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"{definition.Title.Vi}. Council kind `{definition.Council}`; follows ");
            text.Append(string.Join("; ", definition.Instruments.Select(i => $"{i.Number}{(i.Articles is null ? "" : $" ({i.Articles})")}")));
            text.Append(".\n\n```mermaid\n");
            text.Append(Mermaid(definition, term));
            text.Append("```\n\n");
            text.Append("| step | kind | acting body | roles | deadline | gates |\n|---|---|---|---|---|---|\n");
            foreach (var step in definition.Steps)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| `{step.Id}` | {step.Kind}{(step.Round is { } r ? $" {r}" : "")} | {step.ActingBody} | {string.Join(", ", step.Roles)} | {Deadline(step, term)} | {string.Join(", ", step.GateIds)} |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static string Mermaid(WorkflowDefinition definition, Term term)
    {
        var text = new StringBuilder("flowchart TD\n");
        foreach (var step in definition.Steps)
        {
            var label = $"{step.Title.En}<br/><i>{Deadline(step, term)} · {step.ActingBody}</i>".Replace("\"", "'", StringComparison.Ordinal);
            var (open, close) = step.Kind == StepKind.ConferenceRound ? ("{{", "}}") : ("[", "]");
            text.Append(CultureInfo.InvariantCulture, $"    {Node(step.Id)}{open}\"{label}\"{close}\n");
        }

        foreach (var step in definition.Steps)
        {
            foreach (var predecessor in step.WaitsFor) text.Append(CultureInfo.InvariantCulture, $"    {Node(predecessor)} --> {Node(step.Id)}\n");
        }

        return text.ToString();
    }

    /// <summary>Replaces the generated section of a document, or appends it when the markers are missing.</summary>
    public static string Rewrite(string document, string section)
    {
        var begin = document.IndexOf(Begin, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        var generated = $"{Begin}\n\n{section}{End}";
        return begin >= 0 && end > begin
            ? string.Concat(document.AsSpan(0, begin), generated, document.AsSpan(end + End.Length))
            : $"{document.TrimEnd()}\n\n{generated}\n";
    }

    private static string Deadline(WorkflowStep step, Term term)
    {
        var calendar = term.Calendar.FirstOrDefault(entry => entry.Id == step.Deadline);
        return calendar is null
            ? "no deadline"
            : $"E−{calendar.DaysBeforeElection}{(calendar.TimeOfDay is { } time ? $" {time:HH\\:mm}" : "")}";
    }

    private static string Node(string stepId) => stepId.Replace('-', '_');
}
