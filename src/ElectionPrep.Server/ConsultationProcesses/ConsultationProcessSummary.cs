using ElectionPrep.Http;
using ElectionPrep.Terms;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Wolverine.Http;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Danh sách quy trình: one row per consultation process, kept by the async daemon for listings.</summary>
public sealed record ConsultationProcessSummary(
    string Id,
    string TermId,
    CouncilKind Council,
    string JurisdictionCode,
    string JurisdictionName,
    ConsultationProcessStage Stage,
    string OpenedBy,
    DateTimeOffset OpenedAt);

public sealed class ConsultationProcessSummaryProjection : SingleStreamProjection<ConsultationProcessSummary, string>
{
    public override ConsultationProcessSummary? Evolve(ConsultationProcessSummary? snapshot, string id, IEvent e) => e.Data switch
    {
        ConsultationProcessOpened opened => new ConsultationProcessSummary(
            opened.ConsultationProcessId, opened.TermId, opened.Council, opened.JurisdictionCode, opened.JurisdictionName,
            ConsultationProcessStage.Opened, opened.OpenedBy, opened.OpenedAt),
        _ => snapshot,
    };
}

public static class ConsultationProcessSummaryEndpoint
{
    /// <summary>Lists processes, optionally for one term, council kind or jurisdiction, ordered by id.</summary>
    [WolverineGet(Routes.ConsultationProcesses)]
    public static async Task<IReadOnlyList<ConsultationProcessSummary>> Get(
        IQuerySession session, string? termId, string? council, string? jurisdictionCode, CancellationToken cancellation)
    {
        var query = session.Query<ConsultationProcessSummary>().AsQueryable();
        if (!string.IsNullOrEmpty(termId)) query = query.Where(summary => summary.TermId == termId);
        if (CouncilKinds.TryParse(council, out var kind)) query = query.Where(summary => summary.Council == kind);
        if (!string.IsNullOrEmpty(jurisdictionCode)) query = query.Where(summary => summary.JurisdictionCode == jurisdictionCode);
        return await query.OrderBy(summary => summary.Id).ToListAsync(cancellation);
    }
}
