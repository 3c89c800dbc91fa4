using Marten;
using Wolverine;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>
/// A reminder or deadline timer fired: record the reminder or the missed deadline if the step is still open.
/// The state decides; a timer for a step that has moved on records nothing.
/// </summary>
public static class StepTimerDueHandler
{
    public static async Task<OutgoingMessages> Handle(StepTimerDue timer, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForExclusiveWriting<ConsultationProcess>(timer.ConsultationProcessId, cancellation);
        if (stream.Aggregate is not { } process) return [];

        var now = clock.GetUtcNow();
        // Fired before its time by the provider's clock: set it again rather than lose it.
        if (timer.IsEarly(now)) return ProcessTimers.Schedule([timer], clock);

        stream.AppendMany(StepTimerDue.Decide(timer, process, now).Events);
        return [];
    }
}
