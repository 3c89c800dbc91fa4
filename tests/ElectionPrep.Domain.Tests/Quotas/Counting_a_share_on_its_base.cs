using static ElectionPrep.Quotas.QuotaRules;

namespace ElectionPrep.Quotas;

public class Counting_a_share_on_its_base
{
    private static readonly QuotaRule ReElectedOnSeats = Share(CandidateAttributes.Incumbent, "30%", Rounding.HalfUpToWholePerson, QuotaBase.Seats);

    private static readonly QuotaContext EightyFiveSeats = Evaluating_quotas.OfficialList with { Seats = 85 };

    [Fact]
    public void A_share_of_the_seats_counts_the_people_on_the_list_against_the_seats()
    {
        var result = EvaluateOne(ReElectedOnSeats, with: 25, total: 136, EightyFiveSeats, CandidateAttributes.Incumbent);

        Assert.Equal((QuotaOutcome.Fail, 1, (int?)85, (decimal?)29.41m), (result.Outcome, result.Shortfall, result.BaseSize, result.SharePercent));
    }

    [Fact]
    public void Twenty_six_re_elected_meet_thirty_percent_of_eighty_five_seats() =>
        Assert.Equal(QuotaOutcome.Pass, EvaluateOne(ReElectedOnSeats, with: 26, total: 136, EightyFiveSeats, CandidateAttributes.Incumbent).Outcome);

    [Fact]
    public void A_share_of_the_seats_is_not_evaluable_before_the_seats_are_known()
    {
        var result = EvaluateOne(ReElectedOnSeats, with: 26, total: 136, attribute: CandidateAttributes.Incumbent);

        Assert.Equal((QuotaOutcome.NotEvaluable, (int?)null), (result.Outcome, result.Count));
        Assert.Equal("Not evaluable: the number of seats is missing.", result.Explanation.En);
    }

    [Fact]
    public void A_share_of_the_candidates_counts_against_the_list()
    {
        var result = EvaluateOne(Share(CandidateAttributes.Woman, "35%"), with: 48, total: 136, EightyFiveSeats);

        Assert.Equal((QuotaBase.Candidates, (int?)136, QuotaOutcome.Pass), (result.Base, result.BaseSize, result.Outcome));
    }

    [Fact]
    public void The_result_names_its_base_and_rounding()
    {
        var result = EvaluateOne(ReElectedOnSeats, with: 26, total: 136, EightyFiveSeats, CandidateAttributes.Incumbent);

        Assert.Equal((QuotaBase.Seats, Rounding.HalfUpToWholePerson), (result.Base, result.Rounding));
    }
}

public class Rounding_a_bound_to_whole_people
{
    /// <summary>The provincial application in term-2026.md: 0.35 × 136 = 47.6 → 48 (up), 0.15 × 136 = 20.4 → 20 (down), 0.30 × 85 = 25.5 → 26 (half up).</summary>
    [Theory]
    [InlineData(Rounding.UpToWholePerson, "35%", 136, 48)]
    [InlineData(Rounding.DownToWholePerson, "15%", 136, 20)]
    [InlineData(Rounding.HalfUpToWholePerson, "30%", 85, 26)]
    [InlineData(Rounding.HalfUpToWholePerson, "15%", 136, 20)]
    [InlineData(Rounding.Exact, "35%", 136, 48)]
    [InlineData(Rounding.HalfUpToWholePercent, "35%", 1000, 345)]
    public void The_people_needed_are_the_share_of_the_base_rounded_as_the_rule_says(Rounding rounding, string share, int of, int needed) =>
        Assert.Equal(needed, QuotaEvaluation.AtLeastPeople(Common.Fraction.Parse(share), of, rounding));

    [Theory]
    [InlineData(Rounding.DownToWholePerson, 19, QuotaOutcome.Fail)]
    [InlineData(Rounding.DownToWholePerson, 20, QuotaOutcome.Pass)]
    [InlineData(Rounding.UpToWholePerson, 20, QuotaOutcome.Fail)]
    [InlineData(Rounding.UpToWholePerson, 21, QuotaOutcome.Pass)]
    public void Twenty_of_136_meet_fifteen_percent_rounded_down_but_not_rounded_up(Rounding rounding, int young, QuotaOutcome outcome) =>
        Assert.Equal(outcome, QuotaRules.EvaluateOne(QuotaRules.Share(CandidateAttributes.Young, "15%", rounding), young, 136, attribute: CandidateAttributes.Young).Outcome);

    [Fact]
    public void The_shortfall_counts_to_the_rounded_number_of_people() =>
        Assert.Equal(2, QuotaRules.EvaluateOne(QuotaRules.Share(CandidateAttributes.Woman, "35%", Rounding.UpToWholePerson), 46, 136).Shortfall);

    [Theory]
    [InlineData(Rounding.DownToWholePerson, 2)]
    [InlineData(Rounding.UpToWholePerson, 3)]
    [InlineData(Rounding.Exact, 2)]
    public void A_ceiling_allows_the_share_of_the_base_rounded_as_the_rule_says(Rounding rounding, int allowed) =>
        Assert.Equal(allowed, QuotaEvaluation.AtMostPeople(Common.Fraction.Parse("10%"), 25, rounding));
}
