using ElectionPrep.Workflows;
using Marten;
using Wolverine;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>
/// A reminder or deadline timer fired: record the reminder or the missed deadline if the step is still open.
/// The state decides; a timer for a step that has moved on records nothing.
/// </summary>
public static class StepTimerDueHandler
{
    public static Task<ProcessForWriting?> LoadAsync(StepTimerDue timer, IDocumentSession session, DecisionSources sources, CancellationToken cancellation) =>
        ProcessStreams.LoadAsync(session, sources, timer.ConsultationProcessId, null, cancellation);

    public static OutgoingMessages Handle(StepTimerDue timer, ProcessForWriting? loaded, TimeProvider clock)
    {
        if (loaded is null) return [];

        // Fired before its time by the provider's clock: set it again rather than lose it.
        if (timer.IsEarly(loaded.Now)) return ProcessTimers.Schedule([timer], clock);

        loaded.Stream.AppendMany(StepTimerDue.Decide(timer, loaded.Process, loaded.Now).Events);
        return [];
    }
}
