using ElectionPrep.Database;

namespace ElectionPrep.CalendarAmendments;

/// <summary>Keeps each term's amended calendar current inline, so the next step opened reads the amendment just made.</summary>
public sealed class AmendedCalendarProjection() : AggregateProjection<AmendedCalendar>(AmendedCalendar.Evolve);
