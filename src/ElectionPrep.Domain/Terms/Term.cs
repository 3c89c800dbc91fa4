using ElectionPrep.Common;

namespace ElectionPrep.Terms;

/// <summary>
/// Nhiệm kỳ: one election term as the law fixed it: election day, the legal calendar counted back from it and
/// the rule parameters (quorums, thresholds, list sizes). Loaded from seeds/terms, never hard-coded.
/// </summary>
public sealed record Term(
    string Id,
    BilingualText Name,
    DateOnly ElectionDay,
    LegalBasis ElectionDayBasis,
    string TimeZone,
    IReadOnlyList<CalendarStep> Calendar,
    RuleParameters Rules);

/// <summary>
/// Mốc thời gian luật định: a step of the legal calendar, due a number of days before election day (E−n),
/// at a time of day where the law gives one, otherwise by the end of that day.
/// </summary>
/// <param name="OpensDaysBeforeElection">For a window (e.g. voter conferences), when it opens; null otherwise.</param>
public sealed record CalendarStep(
    string Id,
    BilingualText Title,
    int DaysBeforeElection,
    IReadOnlyList<CouncilKind> AppliesTo,
    IReadOnlyList<LegalBasis> Basis,
    TimeOnly? TimeOfDay = null,
    int? OpensDaysBeforeElection = null);
