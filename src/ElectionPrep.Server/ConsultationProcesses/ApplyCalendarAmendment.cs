using ElectionPrep.Workflows;
using Marten;
using Wolverine;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>A process follows an amendment of its term's calendar: its open steps take the new deadline and new timers.</summary>
public static class ApplyCalendarAmendmentHandler
{
    public static Task<ProcessForWriting?> LoadAsync(ApplyCalendarAmendment command, IDocumentSession session, DecisionSources sources, CancellationToken cancellation) =>
        ProcessStreams.LoadAsync(session, sources, command.ConsultationProcessId, null, cancellation);

    /// <summary>The timers set for the old deadline still fire, and record nothing: the state holds the new one.</summary>
    public static OutgoingMessages Handle(ApplyCalendarAmendment command, ProcessForWriting? loaded, IDocumentSession session, DecisionSources sources)
    {
        if (loaded is null) return [];

        var decision = ApplyCalendarAmendment.Decide(command, loaded.Process, loaded.Definition, loaded.Now);
        session.SetHeader(Http.ActorHeaders.LegalBasis, command.Amendment.Reference);
        loaded.Stream.AppendMany(decision.Events);
        return ProcessTimers.Schedule(ProcessTimers.For(decision.Events, loaded.Definition), sources.Clock);
    }
}
