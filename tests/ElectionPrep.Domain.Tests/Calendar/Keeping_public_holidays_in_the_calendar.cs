using ElectionPrep.Common;
using ElectionPrep.Terms;
using static ElectionPrep.TestTerms;

namespace ElectionPrep.Calendar;

/// <summary>Tết Bính Ngọ (16–20/2/2026) fell inside the 2026 calendar: round 3 was due on 20/2, E−23.</summary>
public class Keeping_public_holidays_in_the_calendar
{
    private static readonly PublicHoliday Tet = new("tet-binh-ngo", new BilingualText("Tết Nguyên đán Bính Ngọ", "Lunar New Year (Bính Ngọ)"),
        new DateOnly(2026, 2, 16), new DateOnly(2026, 2, 20), [new LegalBasis("Bộ luật Lao động 2019", "Điều 112")]);

    private static Term TermWithTet(bool moves) => TermWithoutDistricts(Step("third-consultation", 23), Step("official-list-published", 17)) with
    {
        Holidays = [Tet],
        Rules = Rules with { DeadlinesOnHolidays = new HolidayRule(moves, new RuleBasis([new LegalBasis("Luật 85/2015/QH13")], true)) },
    };

    private static Deadline RoundThree(Term term) => LegalCalendar.For(term, CouncilKind.CommuneCouncil, Vietnam).Single(deadline => deadline.StepId == "third-consultation");

    [Fact]
    public void A_deadline_on_a_holiday_stays_and_names_the_holiday_when_the_law_counts_calendar_days()
    {
        var deadline = RoundThree(TermWithTet(moves: false));

        Assert.Equal((new DateOnly(2026, 2, 20), Tet, (DateOnly?)null), (DateOnly.FromDateTime(deadline.DueAt.DateTime), deadline.Holiday, deadline.MovedFrom));
    }

    [Fact]
    public void Without_a_rule_a_deadline_on_a_holiday_stays() =>
        Assert.Equal(new DateOnly(2026, 2, 20), DateOnly.FromDateTime(RoundThree(TermWithTet(false) with { Rules = Rules }).DueAt.DateTime));

    [Fact]
    public void A_term_whose_rule_moves_deadlines_puts_it_on_the_first_day_after_the_holiday()
    {
        var deadline = RoundThree(TermWithTet(moves: true));

        Assert.Equal((new DateOnly(2026, 2, 21), (PublicHoliday?)null, (DateOnly?)new DateOnly(2026, 2, 20)),
            (DateOnly.FromDateTime(deadline.DueAt.DateTime), deadline.Holiday, deadline.MovedFrom));
    }

    [Fact]
    public void A_deadline_off_the_holiday_is_untouched() =>
        Assert.Null(LegalCalendar.For(TermWithTet(moves: true), CouncilKind.CommuneCouncil, Vietnam).Single(deadline => deadline.StepId == "official-list-published").Holiday);
}
