using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.CalendarAmendments;

/// <summary>
/// Điều chỉnh thời gian một bước: the National Election Council moved a calendar step's deadline for a term, or for
/// one council kind or jurisdiction of it (Law 85/2015 as amended by Law 83/2025, Art. 98(3)).
/// </summary>
/// <param name="Council">The council kind it applies to, or null for every council the step applies to.</param>
/// <param name="JurisdictionCode">The unit it applies to (and every unit under it), or null for the whole country.</param>
/// <param name="Reference">The NEC's decision, e.g. "NQ 12/NQ-HĐBCQG".</param>
public sealed record CalendarStepAmended(
    string AmendedCalendarId,
    string TermId,
    int Number,
    string CalendarStepId,
    CouncilKind? Council,
    string? JurisdictionCode,
    DateTimeOffset DueAt,
    string Reference,
    string Reason,
    string AmendedBy,
    DateTimeOffset AmendedAt) : IEventOf<AmendedCalendar>;
