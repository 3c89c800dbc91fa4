using ElectionPrep.Candidates;
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

/// <param name="Kind">
/// "open": act now; "blocked": open, but a gate fails; "complaint": a voters' complaint to verify while the voter
/// conferences are held; "escalation": a step overdue one level down, which the Front above follows up.
/// </param>
/// <param name="BlockedBy">For a blocked step, each failing gate and why.</param>
/// <param name="CandidacyId">
/// For a complaint, the candidacy it is about: the inbox answers anyone signed in, so it names no candidate and quotes
/// no complaint; the candidacy's own page, read within the unit, does.
/// </param>
public sealed record InboxItem(
    string Kind,
    string ConsultationProcessId,
    string TermId,
    CouncilKind Council,
    string JurisdictionCode,
    string StepId,
    BilingualText Title,
    IReadOnlyList<ActorRole> Roles,
    DateTimeOffset? DueAt,
    bool Overdue,
    IReadOnlyList<int> RemindersSent,
    IReadOnlyList<GateResult> BlockedBy,
    string? CandidacyId = null)
{
    /// <summary>From a unit below the body's own: an escalation.</summary>
    public bool FromBelow => Kind == InboxEndpoint.Escalation;
}

/// <summary>Which items an inbox shows, and in which order of due date.</summary>
/// <param name="Kind">Only items of this kind (open, blocked, complaint, escalation).</param>
/// <param name="Level">Only processes of councils elected at this level.</param>
/// <param name="Latest">Latest due first; by default the soonest first.</param>
public sealed record InboxFilter(ActorRole? Role = null, CouncilKind? Council = null, UnitLevel? Level = null, string? Kind = null, bool Latest = false)
{
    public bool Shows(InboxItem item) =>
        (Council is null || item.Council == Council) && (Level is null || item.Council.JurisdictionLevel() == Level) && (Kind is null || item.Kind == Kind);

    public IReadOnlyList<InboxItem> Sorted(IEnumerable<InboxItem> items)
    {
        var shown = items.Where(Shows);
        var byDue = Latest
            ? shown.OrderByDescending(item => item.DueAt ?? DateTimeOffset.MinValue)
            : shown.OrderBy(item => item.DueAt ?? DateTimeOffset.MaxValue);
        return [.. byDue.ThenBy(item => item.ConsultationProcessId, StringComparer.Ordinal).ThenBy(item => item.CandidacyId, StringComparer.Ordinal)];
    }
}

public static class InboxEndpoint
{
    public const string Open = "open";
    public const string Blocked = "blocked";
    public const string Escalation = "escalation";
    public const string Complaint = "complaint";
    public static readonly IReadOnlyList<string> Kinds = [Open, Blocked, Complaint, Escalation];

    /// <summary>
    /// The inbox of <paramref name="body"/> in <paramref name="jurisdiction"/>, optionally only steps <paramref name="role"/>
    /// may act on, one council kind, level or kind of item, by due date (soonest first, or <paramref name="latest"/>).
    /// Read from the inline documents, so it is current the moment a change is acknowledged.
    /// </summary>
    [WolverineGet(Routes.Inbox)]
    [SignedIn]
    public static async Task<IResult> Get(
        Body body, string jurisdiction, ActorRole? role, CouncilKind? council, UnitLevel? level, string? kind, bool? latest,
        IQuerySession session, WorkflowCatalog workflows, SeedCatalog seeds, CancellationToken cancellation)
    {
        if (kind is not null && !Kinds.Contains(kind))
        {
            var known = string.Join(", ", Kinds);
            return Problems.Invalid([new("kind", $"Loại việc không hợp lệ; dùng: {known}.")], [new("kind", $"Unknown kind of item; use: {known}.")]);
        }

        return Results.Ok(await BuildAsync(body, jurisdiction, new InboxFilter(role, council, level, kind, latest ?? false), session, workflows, seeds, cancellation));
    }

    public static async Task<Inbox> BuildAsync(
        Body body, string jurisdiction, InboxFilter filter, IQuerySession session, WorkflowCatalog workflows, SeedCatalog seeds, CancellationToken cancellation)
    {
        var role = filter.Role;
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

            // Voters raise complaints from the filing on; the body that holds the voter conferences has them verified.
            if (definition.StepOfKind(StepKind.VoterConferences) is { } hearing && hearing.ActingBody == body && (role is null || hearing.Roles.Contains(role.Value)))
            {
                items.AddRange(await ComplaintsAsync(process, hearing, session, cancellation));
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

        return new Inbox(body.ToString(), jurisdiction, filter.Sorted(items));
    }

    /// <summary>Each complaint not yet verified, due with the voter-conference step it is verified within (once that step is scheduled).</summary>
    private static async Task<IEnumerable<InboxItem>> ComplaintsAsync(ConsultationProcess process, WorkflowStep step, IQuerySession session, CancellationToken cancellation)
    {
        var progress = process.Progress(step.Id);
        var candidacies = await session.Query<Candidacy>()
            .Where(candidacy => candidacy.ConsultationProcessId == process.Id && candidacy.Complaints.Any(complaint => complaint.Finding == null))
            .ToListAsync(cancellation);
        return candidacies.SelectMany(candidacy => candidacy.UnresolvedComplaints.Select(complaint =>
            new InboxItem(Complaint, process.Id, process.TermId, process.Council, process.JurisdictionCode, step.Id, step.Title, step.Roles, progress?.DueAt,
                progress?.IsOverdue ?? false, [], [], candidacy.Id)));
    }

    /// <summary>The gates of an open step that do not pass yet, each with why; empty when the step may complete.</summary>
    public static async Task<IReadOnlyList<GateResult>> FailingGatesAsync(
        ConsultationProcess process, WorkflowDefinition definition, WorkflowStep step, RuleParameters rules, IQuerySession session, CancellationToken cancellation)
    {
        var inputs = await StepGates.InputsAsync(session, process, definition, step, rules, cancellation);
        return step.GateIds.Select(gate => Gates.Evaluate(gate, inputs)).Where(result => !result.Passed).ToList();
    }

    private static InboxItem Item(string kind, ConsultationProcess process, WorkflowStep step, StepProgress progress, IReadOnlyList<GateResult> failing) =>
        new(kind, process.Id, process.TermId, process.Council, process.JurisdictionCode, step.Id, step.Title, step.Roles, progress.DueAt, progress.IsOverdue,
            progress.RemindersSent?.ToList() ?? [], failing);
}
