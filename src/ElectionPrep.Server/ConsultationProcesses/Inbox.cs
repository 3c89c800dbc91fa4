using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Hộp việc: what a body in a jurisdiction has to do, what is overdue, blocked and why, and escalations from below.</summary>
public sealed record Inbox(string Body, string JurisdictionCode, IReadOnlyList<InboxItem> Items);

/// <param name="Kind">"open": act now; "blocked": open, but a gate fails; "escalation": overdue one level down.</param>
/// <param name="BlockedBy">For a blocked step, each failing gate and why.</param>
public sealed record InboxItem(
    string Kind,
    string ConsultationProcessId,
    CouncilKind Council,
    string JurisdictionCode,
    string StepId,
    BilingualText Title,
    IReadOnlyList<ActorRole> Roles,
    DateTimeOffset? DueAt,
    bool Overdue,
    IReadOnlyList<int> RemindersSent,
    IReadOnlyList<GateResult> BlockedBy);

public static class InboxEndpoint
{
    public const string Open = "open";
    public const string Blocked = "blocked";
    public const string Escalation = "escalation";

    /// <summary>
    /// The inbox of <paramref name="body"/> in <paramref name="jurisdiction"/>, optionally only steps <paramref name="role"/>
    /// may act on. Read from the inline process documents, so it is current the moment a change is acknowledged.
    /// </summary>
    [WolverineGet(Routes.Inbox)]
    [SignedIn]
    public static async Task<IResult> Get(
        Body body, string jurisdiction, ActorRole? role, IQuerySession session, WorkflowCatalog workflows, SeedCatalog seeds, CancellationToken cancellation) =>
        Results.Ok(await BuildAsync(body, jurisdiction, role, session, workflows, seeds, cancellation));

    public static async Task<Inbox> BuildAsync(
        Body body, string jurisdiction, ActorRole? role, IQuerySession session, WorkflowCatalog workflows, SeedCatalog seeds, CancellationToken cancellation)
    {
        var own = await session.Query<ConsultationProcess>().Where(process => process.JurisdictionCode == jurisdiction).ToListAsync(cancellation);
        var items = new List<InboxItem>();
        foreach (var process in own)
        {
            var definition = workflows.DefinitionOf(process);
            var rules = seeds.TermOf(process.TermId).Rules;
            foreach (var step in definition.Steps.Where(step => step.ActingBody == body && (role is null || step.Roles.Contains(role.Value))))
            {
                if (process.Progress(step.Id) is not { Status: StepStatus.Active } progress) continue;
                var failing = await FailingGatesAsync(process, definition, step, rules, session, cancellation);
                items.Add(Item(failing.Count == 0 ? Open : Blocked, process, step, progress, failing));
            }
        }

        // Escalations go to the Front committee one level up (NQLT 09/2021: the Front above guides and supervises).
        if (body == Body.FrontStandingBoard)
        {
            // The units one level down only, by an indexed column: the national committee's inbox never reads the country.
            var below = await session.Query<ConsultationProcess>().Where(process => process.ParentJurisdictionCode == jurisdiction).ToListAsync(cancellation);
            foreach (var process in below)
            {
                var definition = workflows.DefinitionOf(process);
                foreach (var progress in process.Steps.Values.Where(progress => progress.IsOverdue))
                {
                    items.Add(Item(Escalation, process, definition.FindStep(progress.StepId)!, progress, []));
                }
            }
        }

        return new Inbox(body.ToString(), jurisdiction, items.OrderBy(item => item.DueAt ?? DateTimeOffset.MaxValue).ThenBy(item => item.ConsultationProcessId).ToList());
    }

    /// <summary>The gates of an open step that do not pass yet, each with why; empty when the step may complete.</summary>
    public static async Task<IReadOnlyList<GateResult>> FailingGatesAsync(
        ConsultationProcess process, WorkflowDefinition definition, WorkflowStep step, RuleParameters rules, IQuerySession session, CancellationToken cancellation)
    {
        var inputs = await StepGates.InputsAsync(session, process, definition, step, rules, cancellation);
        return step.GateIds.Select(gate => Gates.Evaluate(gate, inputs)).Where(result => !result.Passed).ToList();
    }

    private static InboxItem Item(string kind, ConsultationProcess process, WorkflowStep step, StepProgress progress, IReadOnlyList<GateResult> failing) =>
        new(kind, process.Id, process.Council, process.JurisdictionCode, step.Id, step.Title, step.Roles, progress.DueAt, progress.IsOverdue,
            progress.RemindersSent?.ToList() ?? [], failing);
}
