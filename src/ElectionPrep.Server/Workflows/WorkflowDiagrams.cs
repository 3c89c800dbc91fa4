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

    /// <summary>
    /// The generated section: one heading, table and diagram per definition, in id and version order, with the deadlines of
    /// the terms that bind it.
    /// </summary>
    public static string Section(IEnumerable<WorkflowDefinition> definitions, IEnumerable<Term> terms)
    {
        var text = new StringBuilder();
        var termList = terms.OrderBy(term => term.ElectionDay).ToList();
        foreach (var definition in definitions.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version))
        {
            var binding = new VersionedId(definition.Id, definition.Version);
            var bound = termList.Where(term => term.CouncilOf(definition.Council)?.Workflow == binding).ToList();
            text.Append(CultureInfo.InvariantCulture, $"### {definition.Id} v{definition.Version}: {definition.Title.En}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"{definition.Title.Vi}. Council kind `{definition.Council}`; ");
            text.Append(CultureInfo.InvariantCulture, $"runs in {(bound.Count == 0 ? "no term" : string.Join(", ", bound.Select(term => $"term {term.Id}")))}; follows ");
            text.Append(string.Join("; ", definition.Instruments.Select(i => $"{i.Number}{(i.Articles is null ? "" : $" ({i.Articles})")}")));
            text.Append(".\n\n```mermaid\n");
            text.Append(Mermaid(definition, bound));
            text.Append("```\n\n");
            text.Append("| step | kind | acting body | roles | deadline | gates |\n|---|---|---|---|---|---|\n");
            foreach (var step in definition.Steps)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| `{step.Id}` | {step.Kind}{(step.Round is { } r ? $" {r}" : "")} | {step.ActingBody} | {string.Join(", ", step.Roles)} | {Deadline(step, bound)} | {string.Join(", ", step.GateIds)} |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static string Mermaid(WorkflowDefinition definition, IReadOnlyList<Term> terms)
    {
        var text = new StringBuilder("flowchart TD\n");
        foreach (var step in definition.Steps)
        {
            var label = $"{step.Title.En}<br/><i>{Deadline(step, terms)} · {step.ActingBody}</i>".Replace("\"", "'", StringComparison.Ordinal);
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

    /// <summary>"E−42 17:00", or each term's offset where several terms bind the definition.</summary>
    private static string Deadline(WorkflowStep step, IReadOnlyList<Term> terms)
    {
        var offsets = terms.Select(term => (term.Id, Step: term.Calendar.FirstOrDefault(entry => entry.Id == step.Deadline)))
            .Where(entry => entry.Step is not null)
            .Select(entry => (entry.Id, Text: $"E−{entry.Step!.DaysBeforeElection}{(entry.Step.TimeOfDay is { } time ? $" {time:HH\\:mm}" : "")}"))
            .ToList();
        return offsets.Count switch
        {
            0 => "no deadline",
            _ when offsets.Select(entry => entry.Text).Distinct().Count() == 1 => offsets[0].Text,
            _ => string.Join(" / ", offsets.Select(entry => $"{entry.Text} ({entry.Id})")),
        };
    }

    private static string Node(string stepId) => stepId.Replace('-', '_');
}
