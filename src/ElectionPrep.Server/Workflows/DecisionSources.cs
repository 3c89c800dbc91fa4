using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using Marten;

namespace ElectionPrep.Workflows;

/// <summary>
/// Where a decision's inputs come from besides its streams: the workflow definitions, the seeded terms and their
/// rules, and the clock. One service, so each slice's <c>LoadAsync</c> asks for one thing.
/// </summary>
public sealed class DecisionSources(WorkflowCatalog workflows, SeedCatalog seeds, TimeProvider clock)
{
    public WorkflowCatalog Workflows => workflows;

    public SeedCatalog Seeds => seeds;

    public TimeProvider Clock => clock;

    /// <inheritdoc cref="SeedCatalog.TermOf"/>
    public Term TermOf(string termId) => seeds.TermOf(termId);

    public DecisionContext ContextOf(ConsultationProcess process) =>
        new(process, workflows.DefinitionOf(process), seeds.TermOf(process.TermId), clock.GetUtcNow());

    /// <summary>The context of a stream started under a process, which is never deleted once opened.</summary>
    public async Task<DecisionContext> ContextOfAsync(IQuerySession session, string processId, CancellationToken cancellation) =>
        ContextOf((await session.LoadAsync<ConsultationProcess>(processId, cancellation))!);
}
