using ElectionPrep.Workflows;
using Wolverine;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Turns the domain's step timers into durable scheduled Wolverine messages.</summary>
public static class ProcessTimers
{
    /// <summary>
    /// Wolverine fires scheduled messages by the wall clock, while decisions use the injected <see cref="TimeProvider"/>.
    /// Scheduling by the distance from the provider's now keeps the two in step: identical in production, and a
    /// test clock set just before a deadline sees its timer fire moments later.
    /// </summary>
    public static OutgoingMessages Schedule(IEnumerable<StepTimerDue> timers, TimeProvider clock)
    {
        var messages = new OutgoingMessages();
        var now = clock.GetUtcNow();
        foreach (var timer in timers)
        {
            messages.Schedule(timer, DateTimeOffset.UtcNow + (timer.FiresAt - now));
        }

        return messages;
    }

    /// <summary>The timers for the steps that these events activated or rescheduled.</summary>
    public static IEnumerable<StepTimerDue> For(IEnumerable<object> events, WorkflowDefinition definition) =>
        events.SelectMany(@event => @event switch
        {
            StepActivated activated => StepTimerDue.For(activated.ConsultationProcessId, definition.FindStep(activated.StepId)!, activated.DueAt, activated.ActivatedAt),
            StepDeadlineAmended amended => StepTimerDue.For(amended.ConsultationProcessId, definition.FindStep(amended.StepId)!, amended.DueAt, amended.AmendedAt),
            StepRescheduled rescheduled => StepTimerDue.For(rescheduled.ConsultationProcessId, definition.FindStep(rescheduled.StepId)!, rescheduled.DueAt, rescheduled.RescheduledAt),
            _ => [],
        });
}
