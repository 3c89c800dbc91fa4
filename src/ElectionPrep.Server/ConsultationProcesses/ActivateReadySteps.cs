using ElectionPrep.Workflows;
using Marten;
using Wolverine;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Opens the steps a change made ready, and sets their reminders and deadlines as durable timers.</summary>
public static class ActivateReadyStepsHandler
{
    public static Task<ProcessForWriting?> LoadAsync(ActivateReadySteps command, IDocumentSession session, DecisionSources sources, CancellationToken cancellation) =>
        ProcessStreams.LoadAsync(session, sources, command.ConsultationProcessId, null, cancellation);

    public static OutgoingMessages Handle(ActivateReadySteps command, ProcessForWriting? loaded, DecisionSources sources)
    {
        if (loaded is null) return [];

        var decision = ActivateReadySteps.Decide(command, loaded.Process, loaded.Definition,
            loaded.DueDates(sources.Seeds), loaded.Now);
        loaded.Stream.AppendMany(decision.Events);
        return ProcessTimers.Schedule(ProcessTimers.For(decision.Events, loaded.Definition), sources.Clock);
    }
}
