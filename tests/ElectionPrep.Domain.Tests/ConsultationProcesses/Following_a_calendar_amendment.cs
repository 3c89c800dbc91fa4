using ElectionPrep.CalendarAmendments;
using ElectionPrep.Common;
using ElectionPrep.Terms;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Every open process an amendment reaches takes the new deadline for its open steps, with the decision's reference.</summary>
public class Following_a_calendar_amendment
{
    private static readonly DateTimeOffset Original = Vietnam(2021, 2, 7, 23, 59, 59);
    private static readonly DateTimeOffset Moved = Vietnam(2021, 2, 12, 23, 59, 59);
    private static readonly DateTimeOffset Now = Vietnam(2021, 2, 3, 9, 0);

    private static CalendarStepAmended Amendment(CouncilKind? council = null, string? jurisdiction = null, string termId = "2021-2026") =>
        new(AmendedCalendar.IdFor(termId), termId, 1, "structure-projected", council, jurisdiction, Moved, "NQ 12/NQ-HĐBCQG", "Lùi hạn", "hdbcqg", Now);

    private static Func<ConsultationProcess, Decision> Apply(CalendarStepAmended amendment) =>
        process => ApplyCalendarAmendment.Decide(new ApplyCalendarAmendment(ProcessId, amendment), process, Version1, Now);

    private static readonly Spec<ConsultationProcess> ProjectionOpen = Spec.Process.Given(Opened(), Activated("projected", Original));

    [Fact]
    public void An_open_step_on_the_amended_calendar_step_takes_the_new_deadline_beside_the_original() =>
        ProjectionOpen.When(Apply(Amendment())).Then(new StepDeadlineAmended(ProcessId, "projected", Original, Moved, "NQ 12/NQ-HĐBCQG", "Lùi hạn", Now));

    [Fact]
    public void A_missed_deadline_moved_later_is_no_longer_missed() =>
        Assert.False(ProjectionOpen.Given(new DeadlineMissed(ProcessId, "projected", Original, "061", Original.AddSeconds(1)))
            .When(Apply(Amendment())).ThenState().Progress("projected")!.IsOverdue);

    [Fact]
    public void A_completed_step_keeps_its_deadline() =>
        ProjectionOpen.Given(Completed("projected")).When(Apply(Amendment())).ThenNothing();

    [Fact]
    public void An_amendment_for_another_council_kind_changes_nothing() =>
        ProjectionOpen.When(Apply(Amendment(CouncilKind.ProvincialCouncil))).ThenNothing();

    [Fact]
    public void An_amendment_for_another_jurisdiction_changes_nothing() =>
        ProjectionOpen.When(Apply(Amendment(jurisdiction: "062"))).ThenNothing();

    [Fact]
    public void An_amendment_for_a_unit_above_the_process_reaches_it() =>
        ProjectionOpen.When(Apply(Amendment(jurisdiction: "06"))).Then<StepDeadlineAmended>();

    [Fact]
    public void An_amendment_of_another_term_changes_nothing() =>
        ProjectionOpen.When(Apply(Amendment(termId: "2026-2031"))).ThenNothing();

    [Fact]
    public void Applying_it_twice_changes_nothing_the_second_time() =>
        ProjectionOpen.Given(new StepDeadlineAmended(ProcessId, "projected", Original, Moved, "NQ 12/NQ-HĐBCQG", "Lùi hạn", Now))
            .When(Apply(Amendment())).ThenNothing();

    [Fact]
    public void The_timer_set_for_the_original_deadline_records_nothing_once_it_moved() =>
        ProjectionOpen.Given(new StepDeadlineAmended(ProcessId, "projected", Original, Moved, "NQ 12/NQ-HĐBCQG", "Lùi hạn", Now))
            .When(process => StepTimerDue.Decide(new StepTimerDue(ProcessId, "projected", Original, null), process, Original.AddSeconds(1)))
            .ThenNothing();
}
