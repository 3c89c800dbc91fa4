using ElectionPrep.Common;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Hoàn thành một bước của quy trình, với căn cứ (quyết định, biên bản) nếu có.</summary>
public sealed record CompleteStep(string ConsultationProcessId, string StepId, string Actor, ActorRole Role, string? Reference, string? Note)
{
    public const string ProcessClosed = "process-closed";
    public const string UnknownStep = "unknown-step";
    public const string StepNotOpen = "step-not-open";
    public const string RoleNotAllowed = "role-not-allowed";
    public const string GateFailed = "gate-failed";

    public static Decision Decide(CompleteStep command, ConsultationProcess process, WorkflowDefinition definition, GateInputs gates, DateTimeOffset now)
    {
        if (Refusals.WhyNotActOn(process, definition, command.StepId, command.Role) is { } refusal) return Decision.Refuse(refusal);

        var step = definition.FindStep(command.StepId)!;
        foreach (var gate in step.GateIds.Select(gate => Gates.Evaluate(gate, gates)).Where(result => !result.Passed))
        {
            return Decision.Refuse(Refusals.With(process, definition, GateFailed,
                new BilingualText($"Chưa thể hoàn thành bước '{step.Title.Vi}': {gate.Reason.Vi}", $"Step '{step.Title.En}' cannot complete yet: {gate.Reason.En}"),
                failedGate: gate.Gate));
        }

        var completed = new StepCompleted(process.Id, step.Id, command.Actor, command.Role, command.Reference, command.Note, now);
        var remaining = definition.Steps.Count(candidate => candidate.Id != step.Id && process.Progress(candidate.Id)?.Status != StepStatus.Completed);
        return remaining == 0
            ? Decision.Accept(completed, new ConsultationProcessCompleted(process.Id, now))
            : Decision.Accept(completed);
    }
}

/// <summary>The refusals every action on a process step shares, each naming the state and what is allowed now.</summary>
public static class Refusals
{
    /// <summary>Why <paramref name="role"/> may not act on <paramref name="stepId"/> now, or null when it may.</summary>
    public static Refusal? WhyNotActOn(ConsultationProcess process, WorkflowDefinition definition, string stepId, ActorRole role)
    {
        if (process.Stage == ConsultationProcessStage.Completed)
        {
            return With(process, definition, CompleteStep.ProcessClosed,
                new("Quy trình đã kết thúc; không thể ghi nhận thêm.", "The process is closed; nothing more can be recorded."));
        }

        var step = definition.FindStep(stepId);
        if (step is null)
        {
            return With(process, definition, CompleteStep.UnknownStep,
                new($"Quy trình không có bước '{stepId}'.", $"The process has no step '{stepId}'."));
        }

        switch (process.Progress(stepId)?.Status)
        {
            case StepStatus.Completed:
                return With(process, definition, CompleteStep.StepNotOpen,
                    new($"Bước '{step.Title.Vi}' đã hoàn thành.", $"Step '{step.Title.En}' is already complete."));
            case null:
                var waiting = step.WaitsFor.Where(predecessor => process.Progress(predecessor)?.Status != StepStatus.Completed);
                return With(process, definition, CompleteStep.StepNotOpen,
                    new($"Bước '{step.Title.Vi}' chưa mở; đang chờ: {string.Join(", ", waiting)}.",
                        $"Step '{step.Title.En}' is not open yet; waiting for: {string.Join(", ", waiting)}."));
        }

        if (!step.Roles.Contains(role))
        {
            return With(process, definition, CompleteStep.RoleNotAllowed,
                new($"Vai trò {role} không được thực hiện bước '{step.Title.Vi}'; được phép: {string.Join(", ", step.Roles)}.",
                    $"Role {role} may not act on step '{step.Title.En}'; allowed: {string.Join(", ", step.Roles)}."));
        }

        return null;
    }

    public static Refusal With(ConsultationProcess process, WorkflowDefinition definition, string code, BilingualText detail, string? failedGate = null) =>
        new(code, detail, Describe(process), failedGate, AllowedNow(process, definition));

    /// <summary>"open; active steps: first-consultation, election-committee-formed".</summary>
    public static string Describe(ConsultationProcess process) =>
        process.Stage == ConsultationProcessStage.Completed
            ? "completed"
            : $"open; active steps: {string.Join(", ", process.ActiveSteps)}";

    /// <summary>What can be acted on now: each active step with the roles allowed on it.</summary>
    public static IReadOnlyList<string> AllowedNow(ConsultationProcess process, WorkflowDefinition definition) =>
        process.ActiveSteps
            .Select(id => definition.FindStep(id))
            .Where(step => step is not null)
            .Select(step => $"{step!.Id} ({string.Join(", ", step.Roles)})")
            .ToList();
}
