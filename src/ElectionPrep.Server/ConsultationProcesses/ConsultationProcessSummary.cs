using ElectionPrep.Http;
using ElectionPrep.Terms;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Wolverine.Http;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>
/// Tổng hợp quy trình: one row per process with the steps it is at and those overdue, kept by the async daemon for
/// listings and the roll-up of a jurisdiction and everything beneath it.
/// </summary>
public sealed record ConsultationProcessSummary(
    string Id,
    string TermId,
    CouncilKind Council,
    string JurisdictionCode,
    string JurisdictionName,
    IReadOnlyList<string> JurisdictionPath,
    ConsultationProcessStage Stage,
    int DefinitionVersion,
    IReadOnlyList<string> ActiveSteps,
    IReadOnlyList<string> OverdueSteps,
    string OpenedBy,
    DateTimeOffset OpenedAt);

public sealed class ConsultationProcessSummaryProjection : SingleStreamProjection<ConsultationProcessSummary, string>
{
    /// <summary>Only the process events it reads, so the daemon does not page through every candidacy and list event.</summary>
    public ConsultationProcessSummaryProjection()
    {
        IncludeType<ConsultationProcessOpened>();
        IncludeType<StepActivated>();
        IncludeType<StepCompleted>();
        IncludeType<DeadlineMissed>();
        IncludeType<StepRescheduled>();
        IncludeType<StepDeadlineAmended>();
        IncludeType<ProcessMigrated>();
        IncludeType<ConsultationProcessCompleted>();
    }

    public override ConsultationProcessSummary? Evolve(ConsultationProcessSummary? snapshot, string id, IEvent e) => (snapshot, e.Data) switch
    {
        (_, ConsultationProcessOpened opened) => new ConsultationProcessSummary(
            opened.ConsultationProcessId, opened.TermId, opened.Council, opened.JurisdictionCode, opened.JurisdictionName,
            opened.JurisdictionPath, ConsultationProcessStage.Open, opened.DefinitionVersion, [], [], opened.OpenedBy, opened.OpenedAt),
        ({ } summary, StepActivated activated) => summary with { ActiveSteps = [.. summary.ActiveSteps.Append(activated.StepId).Order()] },
        ({ } summary, StepCompleted completed) => summary with
        {
            ActiveSteps = summary.ActiveSteps.Where(step => step != completed.StepId).ToList(),
            OverdueSteps = summary.OverdueSteps.Where(step => step != completed.StepId).ToList(),
        },
        ({ } summary, DeadlineMissed missed) => summary with { OverdueSteps = [.. summary.OverdueSteps.Append(missed.StepId).Distinct().Order()] },
        ({ } summary, StepRescheduled rescheduled) => summary with { OverdueSteps = summary.OverdueSteps.Where(step => step != rescheduled.StepId).ToList() },
        ({ } summary, StepDeadlineAmended amended) => summary with { OverdueSteps = summary.OverdueSteps.Where(step => step != amended.StepId).ToList() },
        ({ } summary, ProcessMigrated migrated) => summary with { DefinitionVersion = migrated.ToVersion },
        ({ } summary, ConsultationProcessCompleted) => summary with { Stage = ConsultationProcessStage.Completed },
        _ => snapshot,
    };
}

public static class ConsultationProcessSummaryEndpoint
{
    /// <summary>Lists processes, optionally for one term, council kind or jurisdiction, ordered by id.</summary>
    [WolverineGet(Routes.ConsultationProcesses)]
    [SignedIn]
    public static async Task<IResult> Get(
        IQuerySession session, string? termId, string? council, string? jurisdictionCode, CancellationToken cancellation)
    {
        var query = session.Query<ConsultationProcessSummary>().AsQueryable();
        if (!string.IsNullOrEmpty(termId)) query = query.Where(summary => summary.TermId == termId);
        if (!string.IsNullOrEmpty(council))
        {
            // A mistyped filter must not quietly answer with every council.
            if (!CouncilKinds.TryParse(council, out var kind))
            {
                var known = string.Join(", ", Enum.GetValues<CouncilKind>().Select(candidate => candidate.Slug()));
                return Problems.Invalid([new("council", $"Loại hội đồng không hợp lệ; dùng: {known}.")], [new("council", $"Unknown council kind; use: {known}.")]);
            }

            query = query.Where(summary => summary.Council == kind);
        }

        if (!string.IsNullOrEmpty(jurisdictionCode)) query = query.Where(summary => summary.JurisdictionCode == jurisdictionCode);
        return Results.Ok(await query.OrderBy(summary => summary.Id).ToListAsync(cancellation));
    }
}
