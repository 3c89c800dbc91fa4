using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.Calendar;

/// <summary>Hạn chót: when a calendar step is due (and opens, for a window), in the term's time zone.</summary>
/// <param name="Holiday">The public holiday the deadline falls on (after moving off it, if the term's rule moves it: then none).</param>
/// <param name="MovedFrom">The day the calendar gave, when the term's rule moved the deadline off a holiday.</param>
public sealed record Deadline(
    string StepId,
    BilingualText Title,
    DateTimeOffset DueAt,
    DateTimeOffset? OpensAt,
    IReadOnlyList<LegalBasis> Basis,
    PublicHoliday? Holiday = null,
    DateOnly? MovedFrom = null);

/// <summary>Lịch pháp lý: turns the term's offsets from election day into instants for one council kind.</summary>
public static class LegalCalendar
{
    /// <summary>The instant a step with no time of day falls due: the last second of its day.</summary>
    private static readonly TimeOnly EndOfDay = new(23, 59, 59);

    public static IReadOnlyList<Deadline> For(Term term, CouncilKind council, TimeZoneInfo zone) =>
        term.Calendar
            .Where(step => step.AppliesTo.Contains(council))
            .Select(step =>
            {
                var day = term.ElectionDay.AddDays(-step.DaysBeforeElection);
                var due = term.Rules.DeadlinesMoveOffHolidays ? FirstDayOff(term, day) : day;
                return new Deadline(
                    step.Id,
                    step.Title,
                    At(due, step.TimeOfDay ?? EndOfDay, zone),
                    step.OpensDaysBeforeElection is { } opens ? At(term.ElectionDay.AddDays(-opens), TimeOnly.MinValue, zone) : null,
                    step.Basis,
                    term.HolidayOn(due),
                    due == day ? null : day);
            })
            .OrderBy(deadline => deadline.DueAt)
            .ToList();

    /// <summary>The day itself, or the first day after the holidays it falls in (one may follow another).</summary>
    private static DateOnly FirstDayOff(Term term, DateOnly day) => term.HolidayOn(day) is { } holiday ? FirstDayOff(term, holiday.To.AddDays(1)) : day;

    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
