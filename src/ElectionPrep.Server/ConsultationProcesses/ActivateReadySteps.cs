using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using Marten;
using Wolverine;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Opens the steps a change made ready, and sets their reminders and deadlines as durable timers.</summary>
public static class ActivateReadyStepsHandler
{
    public static async Task<OutgoingMessages> Handle(
        ActivateReadySteps command, IDocumentSession session, WorkflowCatalog workflows, SeedCatalog seeds, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForExclusiveWriting<ConsultationProcess>(command.ConsultationProcessId, cancellation);
        if (stream.Aggregate is not { } process) return [];

        var definition = workflows.DefinitionOf(process);
        var decision = ActivateReadySteps.Decide(command, process, definition, seeds.DueDates(process.TermId, process.Council), clock.GetUtcNow());
        stream.AppendMany(decision.Events);
        return ProcessTimers.Schedule(ProcessTimers.For(decision.Events, definition), clock);
    }
}
