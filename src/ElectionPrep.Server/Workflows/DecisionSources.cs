using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using Marten;

namespace ElectionPrep.Workflows;

/// <summary>
/// Where a decision's inputs come from besides its streams: the workflow definitions, the seeded terms and their
/// rules, the clock, and the process the request's access check has read. One service, so each slice's <c>LoadAsync</c>
/// asks for one thing.
/// </summary>
public sealed class DecisionSources(WorkflowCatalog workflows, SeedCatalog seeds, TimeProvider clock, IHttpContextAccessor requests)
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
        ContextOf((await ProcessAsync(session, processId, cancellation))!);

    /// <summary>
    /// The process a decision reads (and does not write): the one the request's access check read a moment before, when
    /// it is this one, else loaded. Either is a read the decision's own stream version guards, not the process's.
    /// </summary>
    public Task<ConsultationProcess?> ProcessAsync(IQuerySession session, string processId, CancellationToken cancellation) =>
        requests.HttpContext?.Features.Get<AccessedProcess>() is { Process.Id: var id } accessed && id == processId
            ? Task.FromResult<ConsultationProcess?>(accessed.Process)
            : session.LoadAsync<ConsultationProcess>(processId, cancellation);
}
