using ElectionPrep.Common;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>
/// Hẹn giờ của bước: a reminder (<paramref name="ReminderDaysBefore"/> set) or the deadline itself, for the step
/// as it was due when the timer was set. A timer whose step has moved on, or whose deadline changed since, is stale.
/// </summary>
public sealed record StepTimerDue(string ConsultationProcessId, string StepId, DateTimeOffset DueAt, int? ReminderDaysBefore)
{
    /// <summary>When this timer should fire.</summary>
    public DateTimeOffset FiresAt => ReminderDaysBefore is { } days ? DueAt.AddDays(-days) : DueAt;

    /// <summary>
    /// The timers an activated (or rescheduled) step needs: one per reminder still ahead of <paramref name="now"/>
    /// (a reminder whose day has passed would only mislead), and the deadline, even if it has passed already.
    /// </summary>
    public static IEnumerable<StepTimerDue> For(string processId, WorkflowStep step, DateTimeOffset? dueAt, DateTimeOffset now) =>
        dueAt is not { } due
            ? []
            : step.Reminders.OrderDescending().Select(days => new StepTimerDue(processId, step.Id, due, days))
                .Where(reminder => reminder.FiresAt > now)
                .Append(new StepTimerDue(processId, step.Id, due, null));

    /// <summary>
    /// State decides, not the timer: a timer for a step no longer open, or for a deadline that has since changed,
    /// records nothing. Fired early (clocks differ), it also records nothing; the caller sets it again.
    /// </summary>
    public static Decision Decide(StepTimerDue timer, ConsultationProcess process, DateTimeOffset now)
    {
        var step = process.Progress(timer.StepId);
        if (process.Stage == ConsultationProcessStage.Completed
            || step is not { Status: StepStatus.Active }
            || step.DueAt != timer.DueAt
            || now < timer.FiresAt)
        {
            return Decision.Accept();
        }

        if (timer.ReminderDaysBefore is { } days)
        {
            return step.RemindersSent?.Contains(days) == true
                ? Decision.Accept()
                : Decision.Accept(new StepReminderSent(process.Id, step.StepId, timer.DueAt, days, now));
        }

        return step.MissedAt is not null
            ? Decision.Accept()
            : Decision.Accept(new DeadlineMissed(process.Id, step.StepId, timer.DueAt, process.ParentJurisdictionCode, now));
    }

    public bool IsEarly(DateTimeOffset now) => now < FiresAt;
}
