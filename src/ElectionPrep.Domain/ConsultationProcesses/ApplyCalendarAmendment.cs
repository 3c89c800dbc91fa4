using ElectionPrep.CalendarAmendments;
using ElectionPrep.Common;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>
/// Áp dụng điều chỉnh lịch: a process follows an amendment of its term's calendar. Each open step whose deadline is
/// the amended calendar step gets the new deadline; a step not yet open takes it when it opens, from the amended
/// calendar. Running it twice changes nothing.
/// </summary>
public sealed record ApplyCalendarAmendment(string ConsultationProcessId, CalendarStepAmended Amendment)
{
    public static Decision Decide(ApplyCalendarAmendment command, ConsultationProcess process, WorkflowDefinition definition, DateTimeOffset now)
    {
        var amendment = command.Amendment;
        if (process.Stage == ConsultationProcessStage.Completed
            || process.TermId != amendment.TermId
            || !AmendedCalendar.Reaches(amendment, process.Council, process.JurisdictionPath))
        {
            return Decision.Accept();
        }

        return Decision.Accept(definition.Steps
            .Where(step => step.Deadline == amendment.CalendarStepId)
            .Select(step => process.Progress(step.Id))
            .Where(progress => progress is { Status: StepStatus.Active } && progress.DueAt != amendment.DueAt)
            .Select(progress => new StepDeadlineAmended(process.Id, progress!.StepId, progress.DueAt, amendment.DueAt,
                amendment.Reference, amendment.Reason, now)));
    }
}
