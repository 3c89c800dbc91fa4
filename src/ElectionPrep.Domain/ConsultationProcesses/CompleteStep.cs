using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
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
        if (step.Round is not null && gates.Conference is { } conference
            && ConferenceRefusals.WhyNotYetHeld(conference, now, new("không thể hoàn thành lần hiệp thương", "the round cannot complete"), process, definition) is { } early)
        {
            return Decision.Refuse(early);
        }

        foreach (var gate in step.GateIds.Select(gate => Gates.Evaluate(gate, gates)).Where(result => !result.Passed))
        {
            return Decision.Refuse(Refusals.With(process, definition, GateFailed,
                new BilingualText($"Chưa thể hoàn thành bước '{step.Title.Vi}': {gate.Reason.Vi}", $"Step '{step.Title.En}' cannot complete yet: {gate.Reason.En}"),
                failedGate: gate.Gate) with { Items = gate.Items });
        }

        var completed = new StepCompleted(process.Id, step.Id, command.Actor, command.Role, command.Reference, command.Note, now);
        var remaining = definition.Steps.Count(candidate => candidate.Id != step.Id && process.Progress(candidate.Id)?.Status != StepStatus.Completed);
        return remaining == 0
            ? Decision.Accept(completed, new ConsultationProcessCompleted(process.Id, now))
            : Decision.Accept(completed);
    }
}
