using ElectionPrep.Calendar;
using ElectionPrep.Terms;

namespace ElectionPrep.Calendar;

public class Counting_deadlines_back_from_election_day
{
    /// <summary>The table of domain.md: each step's E−n and the date it fell on for the 23 May 2021 election.</summary>
    public static TheoryData<int, string> DomainTable => new()
    {
        { 105, "2021-02-07" },
        { 95, "2021-02-17" },
        { 90, "2021-02-22" },
        { 80, "2021-03-04" },
        { 70, "2021-03-14" },
        { 65, "2021-03-19" },
        { 35, "2021-04-18" },
        { 30, "2021-04-23" },
        { 25, "2021-04-28" },
        { 20, "2021-05-03" },
        { 10, "2021-05-13" },
    };

    [Theory]
    [MemberData(nameof(DomainTable))]
    public void Each_step_falls_on_the_date_of_the_2021_calendar(int daysBeforeElection, string expectedDate)
    {
        var term = TestTerms.Term(TestTerms.Step("step", daysBeforeElection));

        var deadline = Assert.Single(LegalCalendar.For(term, CouncilKind.CommuneCouncil, TestTerms.Vietnam));

        Assert.Equal(DateOnly.Parse(expectedDate, System.Globalization.CultureInfo.InvariantCulture), DateOnly.FromDateTime(deadline.DueAt.DateTime));
    }

    [Fact]
    public void A_step_without_a_time_of_day_is_due_by_the_end_of_its_day_in_Vietnam()
    {
        var term = TestTerms.Term(TestTerms.Step("first-consultation", 95));

        var deadline = Assert.Single(LegalCalendar.For(term, CouncilKind.CommuneCouncil, TestTerms.Vietnam));

        Assert.Equal(new DateTimeOffset(2021, 2, 17, 23, 59, 59, TimeSpan.FromHours(7)), deadline.DueAt);
        Assert.Equal(TimeSpan.FromHours(7), deadline.DueAt.Offset);
    }

    [Fact]
    public void The_dossier_deadline_is_at_five_in_the_afternoon_seventy_days_before()
    {
        var term = TestTerms.Term(TestTerms.Step("dossiers-filed", 70, new TimeOnly(17, 0)));

        var deadline = Assert.Single(LegalCalendar.For(term, CouncilKind.ProvincialCouncil, TestTerms.Vietnam));

        Assert.Equal(new DateTimeOffset(2021, 3, 14, 17, 0, 0, TimeSpan.FromHours(7)), deadline.DueAt);
        Assert.Equal(new DateTimeOffset(2021, 3, 14, 10, 0, 0, TimeSpan.Zero), deadline.DueAt.ToUniversalTime());
    }

    [Fact]
    public void A_window_opens_at_the_start_of_its_first_day()
    {
        var term = TestTerms.Term(TestTerms.Step("voter-conferences", 40, opens: 63));

        var deadline = Assert.Single(LegalCalendar.For(term, CouncilKind.DistrictCouncil, TestTerms.Vietnam));

        Assert.Equal(new DateTimeOffset(2021, 3, 21, 0, 0, 0, TimeSpan.FromHours(7)), deadline.OpensAt);
        Assert.Equal(new DateOnly(2021, 4, 13), DateOnly.FromDateTime(deadline.DueAt.DateTime));
    }

    [Fact]
    public void Only_the_steps_of_the_council_kind_are_listed_in_date_order()
    {
        var term = TestTerms.Term(
            TestTerms.Step("official-list-published", 25),
            TestTerms.Step("structure-adjusted", 90, appliesTo: [CouncilKind.NationalAssemblyCentral, CouncilKind.NationalAssemblyProvincial]),
            TestTerms.Step("structure-projected", 105));

        var forCommune = LegalCalendar.For(term, CouncilKind.CommuneCouncil, TestTerms.Vietnam).Select(d => d.StepId);
        var forAssembly = LegalCalendar.For(term, CouncilKind.NationalAssemblyCentral, TestTerms.Vietnam).Select(d => d.StepId);

        Assert.Equal(["structure-projected", "official-list-published"], forCommune);
        Assert.Equal(["structure-projected", "structure-adjusted", "official-list-published"], forAssembly);
    }
}
