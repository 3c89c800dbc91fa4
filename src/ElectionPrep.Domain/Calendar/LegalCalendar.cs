using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.Calendar;

/// <summary>Hạn chót: when a calendar step is due (and opens, for a window), in the term's time zone.</summary>
public sealed record Deadline(
    string StepId,
    BilingualText Title,
    DateTimeOffset DueAt,
    DateTimeOffset? OpensAt,
    IReadOnlyList<LegalBasis> Basis);

/// <summary>Lịch pháp lý: turns the term's offsets from election day into instants for one council kind.</summary>
public static class LegalCalendar
{
    /// <summary>The instant a step with no time of day falls due: the last second of its day.</summary>
    private static readonly TimeOnly EndOfDay = new(23, 59, 59);

    public static IReadOnlyList<Deadline> For(Term term, CouncilKind council, TimeZoneInfo zone) =>
        term.Calendar
            .Where(step => step.AppliesTo.Contains(council))
            .Select(step => new Deadline(
                step.Id,
                step.Title,
                At(term.ElectionDay.AddDays(-step.DaysBeforeElection), step.TimeOfDay ?? EndOfDay, zone),
                step.OpensDaysBeforeElection is { } opens ? At(term.ElectionDay.AddDays(-opens), TimeOnly.MinValue, zone) : null,
                step.Basis))
            .OrderBy(deadline => deadline.DueAt)
            .ToList();

    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
