using System.Collections.Immutable;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Giai đoạn của quy trình hiệp thương.</summary>
public enum ConsultationProcessStage
{
    /// <summary>Đang thực hiện.</summary>
    Open,

    /// <summary>Đã hoàn thành mọi bước.</summary>
    Completed,
}

/// <summary>Trạng thái bước: a step not yet reached has no progress at all (it waits for others).</summary>
public enum StepStatus
{
    /// <summary>Đang mở.</summary>
    Active,

    /// <summary>Đã hoàn thành.</summary>
    Completed,
}

/// <summary>Tiến độ một bước.</summary>
public sealed record StepProgress(
    string StepId,
    StepStatus Status,
    DateTimeOffset? DueAt,
    DateTimeOffset ActivatedAt,
    DateTimeOffset? CompletedAt = null,
    string? CompletedBy = null,
    string? Reference = null,
    DateTimeOffset? MissedAt = null,
    ImmutableSortedSet<int>? RemindersSent = null)
{
    public bool IsOverdue => MissedAt is not null && Status == StepStatus.Active;
}

/// <summary>
/// Quy trình hiệp thương: the consultation process the Fatherland Front runs for one council in one jurisdiction
/// for one term, a running instance of a pinned workflow definition. One per (term, council kind, jurisdiction):
/// its id is derived from that key.
/// </summary>
public sealed record ConsultationProcess(
    string Id,
    string TermId,
    CouncilKind Council,
    string JurisdictionCode,
    IReadOnlyList<string> JurisdictionPath,
    string DefinitionId,
    int DefinitionVersion,
    ConsultationProcessStage Stage,
    ImmutableDictionary<string, StepProgress> Steps,
    DateTimeOffset OpenedAt)
{
    /// <summary>The jurisdiction one level up, whose Front committee is alerted when a deadline is missed.</summary>
    public string? ParentJurisdictionCode => JurisdictionPath.Count > 1 ? JurisdictionPath[^2] : null;

    public StepProgress? Progress(string stepId) => Steps.GetValueOrDefault(stepId);

    public IEnumerable<string> ActiveSteps => Steps.Values.Where(step => step.Status == StepStatus.Active).Select(step => step.StepId).Order();

    public static ConsultationProcess? Evolve(ConsultationProcess? state, object @event) => @event switch
    {
        ConsultationProcessOpened opened => new ConsultationProcess(
            opened.ConsultationProcessId,
            opened.TermId,
            opened.Council,
            opened.JurisdictionCode,
            opened.JurisdictionPath,
            opened.DefinitionId,
            opened.DefinitionVersion,
            ConsultationProcessStage.Open,
            ImmutableDictionary<string, StepProgress>.Empty,
            opened.OpenedAt),
        StepActivated activated when state is not null => state.With(new StepProgress(activated.StepId, StepStatus.Active, activated.DueAt, activated.ActivatedAt)),
        StepCompleted completed when state?.Progress(completed.StepId) is { } step => state.With(step with
        {
            Status = StepStatus.Completed,
            CompletedAt = completed.CompletedAt,
            CompletedBy = completed.CompletedBy,
            Reference = completed.Reference,
        }),
        StepReminderSent reminded when state?.Progress(reminded.StepId) is { } step => state.With(step with
        {
            RemindersSent = (step.RemindersSent ?? []).Add(reminded.DaysBefore),
        }),
        DeadlineMissed missed when state?.Progress(missed.StepId) is { } step => state.With(step with { MissedAt = missed.RecordedAt }),
        StepRescheduled rescheduled when state?.Progress(rescheduled.StepId) is { } step => state.With(step with
        {
            DueAt = rescheduled.DueAt,
            MissedAt = null,
            RemindersSent = null,
        }),
        StepDeadlineAmended amended when state?.Progress(amended.StepId) is { } step => state.With(step with
        {
            DueAt = amended.DueAt,
            MissedAt = null,
            RemindersSent = null,
        }),
        ProcessMigrated migrated when state is not null => state with { DefinitionVersion = migrated.ToVersion },
        ConsultationProcessCompleted when state is not null => state with { Stage = ConsultationProcessStage.Completed },
        _ => state,
    };

    private ConsultationProcess With(StepProgress step) => this with { Steps = Steps.SetItem(step.StepId, step) };
}

/// <summary>Mã quy trình: the stream id of a consultation process, derived from its natural key.</summary>
public static class ConsultationProcessId
{
    /// <summary>
    /// e.g. "2021-2026.commune-council.01834". Deriving the id makes a second opening collide on the stream
    /// instead of creating a twin, even when two requests race.
    /// </summary>
    public static string For(string termId, CouncilKind council, string jurisdictionCode) =>
        $"{termId}.{council.Slug()}.{jurisdictionCode}";
}
