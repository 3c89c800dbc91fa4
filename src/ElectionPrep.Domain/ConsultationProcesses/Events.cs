using ElectionPrep.Common;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Quy trình hiệp thương đã mở: a process was opened for a council in a jurisdiction, on a pinned definition.</summary>
/// <param name="JurisdictionPath">The jurisdiction and its ancestors from the nation down, e.g. ["VN", "06", "061", "01903"].</param>
public sealed record ConsultationProcessOpened(
    string ConsultationProcessId,
    string TermId,
    CouncilKind Council,
    string JurisdictionCode,
    string JurisdictionName,
    IReadOnlyList<string> JurisdictionPath,
    string DefinitionId,
    int DefinitionVersion,
    string OpenedBy,
    DateTimeOffset OpenedAt) : IEventOf<ConsultationProcess>;

/// <summary>Bước được kích hoạt: every step it waits for is done; it is now open, due at <paramref name="DueAt"/>.</summary>
public sealed record StepActivated(string ConsultationProcessId, string StepId, DateTimeOffset? DueAt, DateTimeOffset ActivatedAt) : IEventOf<ConsultationProcess>;

/// <summary>Bước hoàn thành.</summary>
/// <param name="Reference">The decision, minutes or document reference the completion rests on.</param>
public sealed record StepCompleted(
    string ConsultationProcessId,
    string StepId,
    string CompletedBy,
    ActorRole Role,
    string? Reference,
    string? Note,
    DateTimeOffset CompletedAt) : IEventOf<ConsultationProcess>;

/// <summary>Đã nhắc hạn: the responsible body was reminded <paramref name="DaysBefore"/> days before the deadline.</summary>
public sealed record StepReminderSent(string ConsultationProcessId, string StepId, DateTimeOffset DueAt, int DaysBefore, DateTimeOffset SentAt) : IEventOf<ConsultationProcess>;

/// <summary>
/// Quá hạn: the deadline passed with the step still open. <paramref name="EscalatedTo"/> is the jurisdiction whose
/// Front committee is alerted (one level up), or null at the top.
/// </summary>
public sealed record DeadlineMissed(
    string ConsultationProcessId,
    string StepId,
    DateTimeOffset DueAt,
    string? EscalatedTo,
    DateTimeOffset RecordedAt) : IEventOf<ConsultationProcess>;

/// <summary>Hạn mới: an open step's deadline changed (after a migration to a new definition version).</summary>
public sealed record StepRescheduled(string ConsultationProcessId, string StepId, DateTimeOffset? DueAt, DateTimeOffset RescheduledAt) : IEventOf<ConsultationProcess>;

/// <summary>
/// Hạn được điều chỉnh: an open step's deadline moved by a National Election Council amendment of the term's calendar,
/// from <paramref name="OriginalDueAt"/> to <paramref name="DueAt"/>, with the decision's reference and reason.
/// </summary>
public sealed record StepDeadlineAmended(
    string ConsultationProcessId,
    string StepId,
    DateTimeOffset? OriginalDueAt,
    DateTimeOffset DueAt,
    string Reference,
    string Reason,
    DateTimeOffset AmendedAt) : IEventOf<ConsultationProcess>;

/// <summary>Điều chỉnh cơ cấu: the standing body above adjusted the structure between rounds, by its decision.</summary>
public sealed record StructureAdjusted(
    string ConsultationProcessId,
    Body AdjustingBody,
    string DecisionReference,
    string Summary,
    IReadOnlyList<ConsultationConferences.NominationAllocation> Allocations,
    string AdjustedBy,
    DateTimeOffset AdjustedAt) : IEventOf<ConsultationProcess>;

/// <summary>Thử chuyển phiên bản: a migration was planned without being applied (a dry run), with what it would change.</summary>
public sealed record ProcessMigrationPlanned(
    string ConsultationProcessId,
    string DefinitionId,
    int FromVersion,
    int ToVersion,
    IReadOnlyList<string> Changes,
    string PlannedBy,
    string Reason,
    DateTimeOffset PlannedAt) : IEventOf<ConsultationProcess>;

/// <summary>Đã chuyển phiên bản: the process now runs on a new version of its definition.</summary>
public sealed record ProcessMigrated(
    string ConsultationProcessId,
    string DefinitionId,
    int FromVersion,
    int ToVersion,
    IReadOnlyList<string> Changes,
    string MigratedBy,
    string Reason,
    DateTimeOffset MigratedAt) : IEventOf<ConsultationProcess>;

/// <summary>Quy trình hoàn thành: every step is done.</summary>
public sealed record ConsultationProcessCompleted(string ConsultationProcessId, DateTimeOffset CompletedAt) : IEventOf<ConsultationProcess>;
