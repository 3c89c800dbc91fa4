using ElectionPrep.Common;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationProcesses;

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
                var waiting = step.WaitsFor.Where(predecessor => process.Progress(predecessor)?.Status != StepStatus.Completed)
                    .Select(predecessor => definition.FindStep(predecessor)?.Title ?? new(predecessor, predecessor)).ToList();
                return With(process, definition, CompleteStep.StepNotOpen,
                    new($"Bước '{step.Title.Vi}' chưa mở; đang chờ: {string.Join(", ", waiting.Select(title => $"'{title.Vi}'"))}.",
                        $"Step '{step.Title.En}' is not open yet; waiting for: {string.Join(", ", waiting.Select(title => $"'{title.En}'"))}."));
        }

        if (!step.Roles.Contains(role))
        {
            return With(process, definition, CompleteStep.RoleNotAllowed,
                new($"Vai trò {ActorNames.Of(role).Vi} không được thực hiện bước '{step.Title.Vi}'; được phép: {ActorNames.Of(step.Roles).Vi}.",
                    $"The role {ActorNames.Of(role).En} may not act on step '{step.Title.En}'; allowed: {ActorNames.Of(step.Roles).En}."));
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
