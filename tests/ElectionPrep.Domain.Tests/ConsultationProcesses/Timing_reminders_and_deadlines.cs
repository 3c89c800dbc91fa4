using ElectionPrep.Common;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.ConsultationProcesses;

public class Timing_reminders_and_deadlines
{
    private static readonly DateTimeOffset Due = Vietnam(2021, 2, 7, 23, 59, 59);

    [Fact]
    public void An_activated_step_gets_a_timer_per_reminder_and_one_for_its_deadline()
    {
        var timers = StepTimerDue.For(ProcessId, Version1.FindStep("projected")!, Due, Due.AddDays(-10)).ToList();

        Assert.Equal([Due.AddDays(-7), Due.AddDays(-2), Due], timers.Select(timer => timer.FiresAt));
        Assert.Equal([7, 2, null], timers.Select(timer => timer.ReminderDaysBefore));
    }

    [Fact]
    public void A_step_opened_late_gets_only_the_reminders_still_ahead_and_its_deadline() =>
        Assert.Equal([2, null], StepTimerDue.For(ProcessId, Version1.FindStep("projected")!, Due, Due.AddDays(-3)).Select(timer => timer.ReminderDaysBefore));

    [Fact]
    public void A_step_opened_after_its_deadline_still_gets_the_deadline_timer() =>
        Assert.Equal([Due], StepTimerDue.For(ProcessId, Version1.FindStep("projected")!, Due, Due.AddDays(1)).Select(timer => timer.FiresAt));

    [Fact]
    public void A_step_without_a_deadline_gets_no_timer() =>
        Assert.Empty(StepTimerDue.For(ProcessId, Version1.FindStep("projected")!, null, Due));

    private static readonly Spec<ConsultationProcess> ProjectionDue = Spec.Process.Given(Opened(), Activated("projected", Due));

    private static readonly StepTimerDue Reminder = new(ProcessId, "projected", Due, 2);

    private static readonly StepTimerDue Deadline = new(ProcessId, "projected", Due, null);

    private static Func<ConsultationProcess, Decision> Fires(StepTimerDue timer, DateTimeOffset at) => process => StepTimerDue.Decide(timer, process, at);

    [Fact]
    public void A_reminder_for_an_open_step_is_recorded() =>
        ProjectionDue.When(Fires(Reminder, Due.AddDays(-2))).Then(new StepReminderSent(ProcessId, "projected", Due, 2, Due.AddDays(-2)));

    [Fact]
    public void A_reminder_is_recorded_once() =>
        ProjectionDue.Given(new StepReminderSent(ProcessId, "projected", Due, 2, Due.AddDays(-2))).When(Fires(Reminder, Due.AddDays(-1))).ThenNothing();

    [Fact]
    public void A_missed_deadline_is_recorded_for_the_unit_one_level_up() =>
        ProjectionDue.When(Fires(Deadline, Due.AddSeconds(1))).Then(new DeadlineMissed(ProcessId, "projected", Due, "061", Due.AddSeconds(1)));

    [Fact]
    public void A_step_whose_deadline_was_missed_is_overdue() =>
        Assert.True(ProjectionDue.When(Fires(Deadline, Due.AddSeconds(1))).ThenState().Progress("projected")!.IsOverdue);

    [Fact]
    public void A_completed_steps_timer_records_nothing() =>
        ProjectionDue.Given(Completed("projected")).When(Fires(Deadline, Due.AddDays(1))).ThenNothing();

    [Fact]
    public void A_timer_for_a_deadline_that_has_since_changed_records_nothing() =>
        ProjectionDue.Given(new StepRescheduled(ProcessId, "projected", Due.AddDays(3), TestTerms.Now)).When(Fires(Deadline, Due.AddDays(1))).ThenNothing();

    [Fact]
    public void A_timer_fired_early_records_nothing() =>
        ProjectionDue.When(Fires(Deadline, Due.AddMinutes(-1))).ThenNothing();

    [Fact]
    public void A_timer_knows_it_fired_early()
    {
        Assert.True(Deadline.IsEarly(Due.AddMinutes(-1)));
        Assert.False(Deadline.IsEarly(Due));
    }
}
