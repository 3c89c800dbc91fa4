using ElectionPrep.Common;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>
/// Kích hoạt các bước sẵn sàng: open every step whose predecessors are all done. Sent after each change to a
/// process; running it twice changes nothing, so a redelivered message is harmless.
/// </summary>
public sealed record ActivateReadySteps(string ConsultationProcessId)
{
    /// <param name="dueDates">The term's legal calendar for this council kind: calendar step id → deadline.</param>
    public static Decision Decide(
        ActivateReadySteps command,
        ConsultationProcess process,
        WorkflowDefinition definition,
        IReadOnlyDictionary<string, DateTimeOffset> dueDates,
        DateTimeOffset now)
    {
        if (process.Stage == ConsultationProcessStage.Completed) return Decision.Accept();

        return Decision.Accept(ReadySteps(process, definition)
            .Select(step => new StepActivated(process.Id, step.Id, DueAt(step, dueDates), now)));
    }

    public static IEnumerable<WorkflowStep> ReadySteps(ConsultationProcess process, WorkflowDefinition definition) =>
        definition.Steps.Where(step => process.Progress(step.Id) is null
            && step.WaitsFor.All(predecessor => process.Progress(predecessor)?.Status == StepStatus.Completed));

    public static DateTimeOffset? DueAt(WorkflowStep step, IReadOnlyDictionary<string, DateTimeOffset> dueDates) =>
        step.Deadline is { } calendarStep && dueDates.TryGetValue(calendarStep, out var due) ? due : null;
}
