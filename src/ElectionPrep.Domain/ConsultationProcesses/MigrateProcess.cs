using ElectionPrep.Common;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>
/// Chuyển quy trình sang phiên bản định nghĩa mới: an explicit, audited change of a running process to a newer
/// version of its definition. A dry run records the plan without changing the process.
/// </summary>
public sealed record MigrateProcess(string ConsultationProcessId, int ToVersion, bool DryRun, string Actor, string Reason)
{
    public const string SameVersion = "migration-same-version";
    public const string OtherWorkflow = "migration-other-workflow";
    public const string WouldOrphanStep = "migration-would-orphan-step";

    public static Decision Decide(
        MigrateProcess command,
        ConsultationProcess process,
        WorkflowDefinition current,
        WorkflowDefinition target,
        IReadOnlyDictionary<string, DateTimeOffset> dueDates,
        DateTimeOffset now)
    {
        if (process.Stage == ConsultationProcessStage.Completed)
        {
            return Decision.Refuse(Refusals.With(process, current, CompleteStep.ProcessClosed,
                new("Quy trình đã kết thúc; không thể chuyển phiên bản.", "The process is closed; it cannot be migrated.")));
        }

        if (target.Id != current.Id)
        {
            return Decision.Refuse(OtherWorkflow, $"Phiên bản đích thuộc quy trình khác ({target.Id}).", $"The target belongs to another workflow ({target.Id}).");
        }

        if (target.Version == current.Version)
        {
            return Decision.Refuse(SameVersion, $"Quy trình đã ở phiên bản {current.Version}.", $"The process already runs version {current.Version}.");
        }

        // History is never rewritten: every step already started must still exist in the target.
        var orphaned = process.Steps.Keys.Where(id => target.FindStep(id) is null).Order().ToList();
        if (orphaned.Count > 0)
        {
            return Decision.Refuse(Refusals.With(process, current, WouldOrphanStep,
                new($"Phiên bản {target.Version} không còn các bước đã bắt đầu: {string.Join(", ", orphaned)}.",
                    $"Version {target.Version} drops steps already started: {string.Join(", ", orphaned)}.")));
        }

        var changes = Changes(current, target).ToList();
        if (command.DryRun)
        {
            return Decision.Accept(new ProcessMigrationPlanned(process.Id, current.Id, current.Version, target.Version, changes, command.Actor, command.Reason, now));
        }

        var rescheduled = process.Steps.Values
            .Where(step => step.Status == StepStatus.Active)
            .Select(step => (step, due: ActivateReadySteps.DueAt(target.FindStep(step.StepId)!, dueDates)))
            .Where(pair => pair.due != pair.step.DueAt)
            .Select(pair => (object)new StepRescheduled(process.Id, pair.step.StepId, pair.due, now));
        return Decision.Accept(rescheduled.Prepend(
            new ProcessMigrated(process.Id, current.Id, current.Version, target.Version, changes, command.Actor, command.Reason, now)));
    }

    /// <summary>Human-readable differences, one line each, e.g. "added step x", "step y: deadline a → b".</summary>
    public static IEnumerable<string> Changes(WorkflowDefinition from, WorkflowDefinition to)
    {
        foreach (var removed in from.Steps.Where(step => to.FindStep(step.Id) is null)) yield return $"removed step {removed.Id}";
        foreach (var added in to.Steps.Where(step => from.FindStep(step.Id) is null)) yield return $"added step {added.Id}";
        foreach (var before in from.Steps)
        {
            if (to.FindStep(before.Id) is not { } after) continue;
            if (before.Deadline != after.Deadline) yield return $"step {before.Id}: deadline {before.Deadline ?? "none"} → {after.Deadline ?? "none"}";
            if (!before.WaitsFor.Order().SequenceEqual(after.WaitsFor.Order())) yield return $"step {before.Id}: waits for [{string.Join(", ", before.WaitsFor)}] → [{string.Join(", ", after.WaitsFor)}]";
            if (!before.Roles.Order().SequenceEqual(after.Roles.Order())) yield return $"step {before.Id}: roles [{string.Join(", ", before.Roles)}] → [{string.Join(", ", after.Roles)}]";
            if (!before.GateIds.Order().SequenceEqual(after.GateIds.Order())) yield return $"step {before.Id}: gates [{string.Join(", ", before.GateIds)}] → [{string.Join(", ", after.GateIds)}]";
            if (!before.Reminders.Order().SequenceEqual(after.Reminders.Order())) yield return $"step {before.Id}: reminders [{string.Join(", ", before.Reminders)}] → [{string.Join(", ", after.Reminders)}]";
        }
    }
}
