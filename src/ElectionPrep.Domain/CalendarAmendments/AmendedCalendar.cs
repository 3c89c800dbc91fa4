using System.Collections.Immutable;
using ElectionPrep.Terms;

namespace ElectionPrep.CalendarAmendments;

/// <summary>
/// Lịch đã điều chỉnh: the amendments the National Election Council made to one term's legal calendar, in the order
/// it made them. The seeded calendar stays as the law wrote it; a later amendment of the same step and scope wins.
/// </summary>
public sealed record AmendedCalendar(string Id, string TermId, ImmutableList<CalendarStepAmended> Amendments)
{
    /// <summary>One stream per term: "calendar-amendments.2026-2031".</summary>
    public static string IdFor(string termId) => $"calendar-amendments.{termId}";

    public static AmendedCalendar Empty(string termId) => new(IdFor(termId), termId, []);

    public static AmendedCalendar? Evolve(AmendedCalendar? state, object @event) => @event switch
    {
        CalendarStepAmended amended => (state ?? Empty(amended.TermId)) with { Amendments = (state?.Amendments ?? []).Add(amended) },
        _ => state,
    };

    /// <summary>Whether an amendment reaches a process of <paramref name="council"/> in the unit at the end of <paramref name="jurisdictionPath"/>.</summary>
    public static bool Reaches(CalendarStepAmended amendment, CouncilKind council, IReadOnlyList<string> jurisdictionPath) =>
        (amendment.Council is null || amendment.Council == council)
        && (amendment.JurisdictionCode is null || jurisdictionPath.Contains(amendment.JurisdictionCode));

    /// <summary>The amendment in force for a calendar step of such a process: the latest one that reaches it, or null.</summary>
    public CalendarStepAmended? InForce(string calendarStepId, CouncilKind council, IReadOnlyList<string> jurisdictionPath) =>
        Amendments.LastOrDefault(amendment => amendment.CalendarStepId == calendarStepId && Reaches(amendment, council, jurisdictionPath));

    /// <summary>The seeded due dates of a process's calendar with every amendment in force applied.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Apply(IReadOnlyDictionary<string, DateTimeOffset> seeded, CouncilKind council, IReadOnlyList<string> jurisdictionPath) =>
        seeded.ToDictionary(pair => pair.Key, pair => InForce(pair.Key, council, jurisdictionPath)?.DueAt ?? pair.Value);
}
