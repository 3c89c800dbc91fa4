namespace ElectionPrep.Terms;

public class Applying_quorum_rules
{
    [Theory]
    [InlineData(99, 66, true)]
    [InlineData(99, 65, false)]
    public void A_workplace_conference_below_100_voters_needs_two_thirds(int invited, int present, bool met) =>
        Assert.Equal(met, TestTerms.Rules.WorkplaceVoterConferenceQuorum.IsMetBy(present, invited));

    [Theory]
    [InlineData(100, 70, true)]
    [InlineData(100, 69, false)]
    [InlineData(500, 70, true)]
    public void A_workplace_conference_from_100_voters_needs_70(int invited, int present, bool met) =>
        Assert.Equal(met, TestTerms.Rules.WorkplaceVoterConferenceQuorum.IsMetBy(present, invited));

    [Theory]
    [InlineData(80, 40, false)]
    [InlineData(80, 41, true)]
    public void A_residence_conference_below_100_voters_needs_more_than_half(int invited, int present, bool met) =>
        Assert.Equal(met, TestTerms.Rules.ResidenceVoterConferenceQuorum.IsMetBy(present, invited));

    [Theory]
    [InlineData(120, 55, true)]
    [InlineData(120, 54, false)]
    public void A_residence_conference_from_100_voters_needs_55(int invited, int present, bool met) =>
        Assert.Equal(met, TestTerms.Rules.ResidenceVoterConferenceQuorum.IsMetBy(present, invited));

    [Theory]
    [InlineData(10, 5, false)]
    [InlineData(10, 6, true)]
    public void A_candidate_distrusted_by_exactly_half_is_not_excluded(int present, int distrust, bool excluded) =>
        Assert.Equal(excluded, TestTerms.Rules.DistrustExclusion.IsMetBy(distrust, present));

    [Fact]
    public void No_one_present_meets_no_share() =>
        Assert.False(TestTerms.Rules.ConsultationQuorum.IsMetBy(0, 0));
}
