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

    [Fact]
    public void A_reminder_is_recorded_once_for_an_open_step()
    {
        var process = Given(Opened(), Activated("projected", Due));
        var reminder = new StepTimerDue(ProcessId, "projected", Due, 2);

        var first = StepTimerDue.Decide(reminder, process, Due.AddDays(-2));
        var again = StepTimerDue.Decide(reminder, Given(Opened(), Activated("projected", Due), first.Events[0]), Due.AddDays(-1));

        Assert.Equal([new StepReminderSent(ProcessId, "projected", Due, 2, Due.AddDays(-2))], first.Events);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void A_missed_deadline_is_recorded_and_escalated_one_level_up()
    {
        var process = Given(Opened(), Activated("projected", Due));

        var decision = StepTimerDue.Decide(new StepTimerDue(ProcessId, "projected", Due, null), process, Due.AddSeconds(1));
        var overdue = Given(Opened(), Activated("projected", Due), decision.Events[0]);

        Assert.Equal([new DeadlineMissed(ProcessId, "projected", Due, "061", Due.AddSeconds(1))], decision.Events);
        Assert.True(overdue.Progress("projected")!.IsOverdue);
    }

    [Fact]
    public void A_completed_steps_timer_records_nothing() =>
        Assert.Empty(StepTimerDue.Decide(new StepTimerDue(ProcessId, "projected", Due, null),
            Given(Opened(), Activated("projected", Due), Completed("projected")), Due.AddDays(1)).Events);

    [Fact]
    public void A_timer_for_a_deadline_that_has_since_changed_records_nothing() =>
        Assert.Empty(StepTimerDue.Decide(new StepTimerDue(ProcessId, "projected", Due, null),
            Given(Opened(), Activated("projected", Due), new StepRescheduled(ProcessId, "projected", Due.AddDays(3), TestTerms.Now)), Due.AddDays(1)).Events);

    [Fact]
    public void A_timer_fired_early_records_nothing_and_says_so()
    {
        var timer = new StepTimerDue(ProcessId, "projected", Due, null);

        Assert.Empty(StepTimerDue.Decide(timer, Given(Opened(), Activated("projected", Due)), Due.AddMinutes(-1)).Events);
        Assert.True(timer.IsEarly(Due.AddMinutes(-1)));
        Assert.False(timer.IsEarly(Due));
    }
}
