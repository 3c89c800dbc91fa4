using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using FluentValidation;

namespace ElectionPrep.Workflows;

/// <summary>
/// What the JSON Schema cannot say about a definition: the step graph is sound (known steps, no cycles, one round
/// deciding each of the three things the law has the consultation conferences decide, in the law's order), every
/// deadline names a calendar step, for this council kind, of every term that binds this definition, and every gate is
/// one the domain supplies.
/// </summary>
public sealed class WorkflowDefinitionValidator : AbstractValidator<WorkflowDefinition>
{

    public WorkflowDefinitionValidator(SeedCatalog seeds)
    {
        RuleFor(definition => definition.Steps)
            .Must(steps => steps.Select(step => step.Id).Distinct().Count() == steps.Count)
            .WithMessage("step ids must be unique");
        RuleFor(definition => definition.Steps)
            .Must(steps => steps.Any(step => step.WaitsFor.Count == 0))
            .WithMessage("at least one step must wait for nothing, or the process can never start");
        RuleFor(definition => definition)
            .Must(definition => FindCycle(definition) is null)
            .OverridePropertyName("steps")
            .WithMessage(definition => $"the steps wait for each other in a cycle: {FindCycle(definition)}");
        RuleFor(definition => definition.Steps)
            .Must(steps => Enum.GetValues<RoundPurpose>().All(purpose => steps.Count(step => step.Kind == StepKind.ConferenceRound && step.Decides == purpose) == 1))
            .WithMessage($"a workflow has exactly one conference step deciding each of {string.Join(", ", Enum.GetValues<RoundPurpose>())}");
        RuleFor(definition => definition.Steps)
            .Must(steps => steps.Where(step => step.Round is not null).Select(step => step.Round).Distinct().Count() == steps.Count(step => step.Round is not null))
            .WithMessage("each conference step has a round number of its own");
        RuleFor(definition => definition)
            .Must(RoundsFollowEachOther)
            .OverridePropertyName("steps")
            .WithMessage("each consultation round must come after, and (directly or through other steps) wait for, the round before it in the law's order");

        RuleForEach(definition => definition.Steps).ChildRules(step =>
        {
            step.RuleFor(s => s.Round).NotNull().When(s => s.Kind == StepKind.ConferenceRound)
                .WithMessage("a conference step says which round it is");
            step.RuleFor(s => s.Round).Null().When(s => s.Kind != StepKind.ConferenceRound)
                .WithMessage("only a conference step has a round");
            step.RuleFor(s => s.Decides).NotNull().When(s => s.Kind == StepKind.ConferenceRound)
                .WithMessage("a conference step says what it decides");
            step.RuleFor(s => s.Decides).Null().When(s => s.Kind != StepKind.ConferenceRound)
                .WithMessage("only a conference step decides a round's purpose");
            step.RuleForEach(s => s.GateIds).Must(gate => Gates.Known.Contains(gate))
                .OverridePropertyName("gates")
                .WithMessage($"'{{PropertyValue}}' is not a gate the domain supplies ({string.Join(", ", Gates.Known)})");
        });

        RuleForEach(definition => definition.Steps)
            .Must((definition, step) => step.WaitsFor.All(id => id != step.Id && definition.FindStep(id) is not null))
            .OverridePropertyName("steps")
            .WithMessage((definition, step) =>
                $"step '{step.Id}' waits for unknown or itself: {string.Join(", ", step.WaitsFor.Where(id => id == step.Id || definition.FindStep(id) is null))}");

        RuleForEach(definition => definition.Steps)
            .Must((definition, step) => step.Deadline is null || TermsBinding(seeds, definition).All(term => CalendarHas(term, step.Deadline, definition.Council)))
            .OverridePropertyName("steps")
            .WithMessage((definition, step) =>
                $"step '{step.Id}': deadline '{step.Deadline}' is not a calendar step for {definition.Council} in every term that runs this workflow ({string.Join(", ", TermsBinding(seeds, definition).Select(t => t.Id))})");
    }

    private static IEnumerable<Term> TermsBinding(SeedCatalog seeds, WorkflowDefinition definition) =>
        seeds.Terms.Where(term => term.CouncilOf(definition.Council)?.Workflow == new VersionedId(definition.Id, definition.Version));

    private static bool CalendarHas(Term term, string calendarStep, CouncilKind council) =>
        term.Calendar.Any(step => step.Id == calendarStep && step.AppliesTo.Contains(council));

    /// <summary>"a → b → a" when the waits-for graph has a cycle, otherwise null.</summary>
    private static string? FindCycle(WorkflowDefinition definition)
    {
        var state = new Dictionary<string, bool>(); // false: on the current path; true: done
        var path = new Stack<string>();

        string? Visit(string id)
        {
            if (state.TryGetValue(id, out var done)) return done ? null : string.Join(" → ", path.Reverse().SkipWhile(step => step != id).Append(id));
            state[id] = false;
            path.Push(id);
            foreach (var next in definition.FindStep(id)?.WaitsFor ?? [])
            {
                if (Visit(next) is { } cycle) return cycle;
            }

            path.Pop();
            state[id] = true;
            return null;
        }

        return definition.Steps.Select(step => Visit(step.Id)).FirstOrDefault(cycle => cycle is not null);
    }

    private static bool RoundsFollowEachOther(WorkflowDefinition definition)
    {
        if (FindCycle(definition) is not null) return true; // reported by its own rule

        bool DependsOn(string stepId, string ancestor, HashSet<string> seen) =>
            definition.FindStep(stepId) is { } step
            && step.WaitsFor.Any(id => id == ancestor || (seen.Add(id) && DependsOn(id, ancestor, seen)));

        WorkflowStep? Deciding(RoundPurpose purpose) => definition.Steps.FirstOrDefault(step => step.Kind == StepKind.ConferenceRound && step.Decides == purpose);
        var purposes = Enum.GetValues<RoundPurpose>();
        return purposes.Skip(1).Zip(purposes).All(pair =>
            Deciding(pair.First) is not { } later
            || Deciding(pair.Second) is not { } earlier
            || (later.Round > earlier.Round && DependsOn(later.Id, earlier.Id, [])));
    }
}
