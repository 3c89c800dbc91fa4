using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.Quotas;

public class Evaluating_quotas
{
    private static readonly RuleBasis Law = new([new LegalBasis("Luật 85/2015/QH13", "Điều 9 khoản 3")], Confirmed: true);

    public static QuotaRule Women(TargetSeverity severity = TargetSeverity.Requirement, Rounding rounding = Rounding.Exact, QuotaScope scope = QuotaScope.Whole) =>
        new("women", new BilingualText("Phụ nữ", "Women"), Population.OfficialList, CandidateAttributes.Woman, MeasureKind.Share, severity, rounding, QuotaBase.Candidates,
            Law, new DateOnly(2021, 1, 11), scope, AtLeastShare: Fraction.Parse("35%"));

    public static RuleSet Set(params QuotaRule[] rules) => new("commune-council", 1, CouncilKind.CommuneCouncil, new DateOnly(2021, 1, 11), rules);

    /// <summary>Evaluated as the official list, as publishing it is.</summary>
    public static readonly QuotaContext OfficialList = new(Population.OfficialList);

    /// <summary><paramref name="women"/> women among <paramref name="total"/> candidates, spread over constituencies dv1 and dv2.</summary>
    public static List<QuotaSubject> People(int women, int total) =>
        [.. Enumerable.Range(0, total).Select(i => new QuotaSubject($"c{i}", $"Người {i}", i % 2 == 0 ? "dv1" : "dv2",
            i < women ? new HashSet<string> { CandidateAttributes.Woman } : new HashSet<string>()))];

    [Theory]
    [InlineData(3499, 10000, QuotaOutcome.Fail)]
    [InlineData(3500, 10000, QuotaOutcome.Pass)]
    [InlineData(6, 20, QuotaOutcome.Fail)]
    [InlineData(7, 20, QuotaOutcome.Pass)]
    public void Shares_are_compared_exactly_so_34_99_percent_falls_short_of_35(int women, int total, QuotaOutcome outcome) =>
        Assert.Equal(outcome, QuotaEvaluation.Evaluate(Set(Women()), People(women, total), OfficialList).Single().Outcome);

    [Theory]
    [InlineData(344, 1000, QuotaOutcome.Fail)]
    [InlineData(345, 1000, QuotaOutcome.Pass)]
    public void Rounded_half_up_to_a_whole_percent_34_5_counts_as_35(int women, int total, QuotaOutcome outcome) =>
        Assert.Equal(outcome, QuotaEvaluation.Evaluate(Set(Women(rounding: Rounding.HalfUpToWholePercent)), People(women, total), OfficialList).Single().Outcome);

    [Fact]
    public void The_result_explains_the_shortfall_in_people()
    {
        var result = QuotaEvaluation.Evaluate(Set(Women()), People(4, 20), OfficialList).Single();

        Assert.Equal(((int?)4, 20, (decimal?)20.00m, "≥ 35%", 3), (result.Count, result.Total, result.SharePercent, result.Bound, result.Shortfall));
        Assert.Equal("3 more needed (Women).", result.Explanation.En);
        Assert.Equal("Cần thêm 3 người (Phụ nữ).", result.Explanation.Vi);
        Assert.Equal([new LegalBasis("Luật 85/2015/QH13", "Điều 9 khoản 3")], result.Basis);
    }

    [Fact]
    public void The_result_lists_who_counted() =>
        Assert.Equal(["c0", "c1", "c2", "c3"], QuotaEvaluation.Evaluate(Set(Women()), People(4, 20), OfficialList).Single().Counted);

    [Fact]
    public void A_requirement_missed_fails() =>
        Assert.Equal(QuotaOutcome.Fail, QuotaEvaluation.Evaluate(Set(Women()), People(1, 10), OfficialList).Single().Outcome);

    [Fact]
    public void A_target_missed_warns() =>
        Assert.Equal(QuotaOutcome.Warn, QuotaEvaluation.Evaluate(Set(Women(TargetSeverity.Target)), People(1, 10), OfficialList).Single().Outcome);

    [Fact]
    public void A_rule_for_each_constituency_finds_the_constituency_without_a_woman()
    {
        var everyConstituency = new QuotaRule("woman-per-constituency", new BilingualText("Mỗi đơn vị có nữ", "A woman in each constituency"), Population.OfficialList,
            CandidateAttributes.Woman, MeasureKind.Count, TargetSeverity.Target, Rounding.Exact, QuotaBase.Candidates, Law, new DateOnly(2021, 1, 11), QuotaScope.EachConstituency, AtLeastCount: 1);

        var results = QuotaEvaluation.Evaluate(Set(everyConstituency), People(1, 6), OfficialList);

        Assert.Equal([("dv1", QuotaOutcome.Pass), ("dv2", QuotaOutcome.Warn)], results.Select(r => (r.ConstituencyId!, r.Outcome)));
        Assert.Equal(1, results[1].Shortfall);
    }

    private static readonly QuotaRule Minorities = new("minorities", new BilingualText("Dân tộc thiểu số", "Ethnic minorities"), Population.OfficialList,
        CandidateAttributes.EthnicMinority, MeasureKind.Share, TargetSeverity.Target, Rounding.Exact, QuotaBase.Candidates, Law, new DateOnly(2021, 1, 11), AtLeastFromUnit: "ethnicMinorityShare");

    /// <summary>Eight of ten candidates from ethnic minorities.</summary>
    private static List<QuotaSubject> EightOfTenFromMinorities() =>
        [.. People(0, 10).Select((p, i) => i < 8 ? p with { Attributes = new HashSet<string> { CandidateAttributes.EthnicMinority } } : p)];

    [Fact]
    public void A_locality_bound_comes_from_the_units_population()
    {
        var bacKan = QuotaEvaluation.Evaluate(Set(Minorities), EightOfTenFromMinorities(),
            OfficialList with { UnitParameters = new Dictionary<string, Fraction> { ["ethnicMinorityShare"] = new(8802, 10000) } }).Single();

        Assert.Equal((QuotaOutcome.Warn, 1, "≥ 88.02%"), (bacKan.Outcome, bacKan.Shortfall, bacKan.Bound));
    }

    [Fact]
    public void A_bound_and_a_share_are_written_one_way_in_each_language()
    {
        var bacKan = QuotaEvaluation.Evaluate(Set(Minorities), EightOfTenFromMinorities(),
            OfficialList with { UnitParameters = new Dictionary<string, Fraction> { ["ethnicMinorityShare"] = new(8802, 10000) } }).Single();

        Assert.Equal(new BilingualText("≥ 88,02 %", "≥ 88.02%"), bacKan.Limits.Text);
        Assert.Equal(new BilingualText("8/10 (80 %)", "8/10 (80%)"), bacKan.Found);
    }

    [Fact]
    public void A_bound_carries_its_numbers_for_drawing() =>
        Assert.Equal(new QuotaLimits(MeasureKind.Share, 35m, null), QuotaEvaluation.Evaluate(Set(Women()), People(4, 20), OfficialList).Single().Limits);

    [Fact]
    public void A_locality_bound_is_absent_where_the_units_population_is_unknown() =>
        Assert.Equal(QuotaOutcome.Pass, QuotaEvaluation.Evaluate(Set(Minorities), EightOfTenFromMinorities(), OfficialList).Single().Outcome);

    [Theory]
    [InlineData("1981-05-24", true)]
    [InlineData("1981-05-23", false)]
    public void Under_40_is_counted_on_election_day(string born, bool under40)
    {
        var dossier = TestCandidates.Dossier(born: DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(under40, CandidateAttributes.Of(dossier, CouncilKind.CommuneCouncil, TestCandidates.ElectionDay, TestTerms.Rules.YoungCandidateAge).Contains(CandidateAttributes.Young));
    }

    [Fact]
    public void The_young_candidates_age_is_the_terms_not_the_codes()
    {
        var thirtyEight = TestCandidates.Dossier(born: new DateOnly(1983, 1, 1));
        var younger = TestTerms.Rules.YoungCandidateAge with { Years = 35 };

        Assert.Contains(CandidateAttributes.Young, CandidateAttributes.Of(thirtyEight, CouncilKind.CommuneCouncil, TestCandidates.ElectionDay, TestTerms.Rules.YoungCandidateAge));
        Assert.DoesNotContain(CandidateAttributes.Young, CandidateAttributes.Of(thirtyEight, CouncilKind.CommuneCouncil, TestCandidates.ElectionDay, younger));
    }

    [Fact]
    public void A_what_if_shows_the_change_per_rule_without_touching_the_list()
    {
        var people = People(6, 20);
        var woman = new QuotaSubject("new", "Người mới", "dv1", new HashSet<string> { CandidateAttributes.Woman });

        var (before, after, deltas) = WhatIf.Evaluate(Set(Women()), people, [new SwapCandidate("c19", woman)], OfficialList);

        Assert.Equal((QuotaOutcome.Fail, QuotaOutcome.Pass), (before.Single().Outcome, after.Single().Outcome));
        Assert.Equal(new QuotaDelta("women", null, QuotaOutcome.Fail, QuotaOutcome.Pass, 1, 5.00m, 0), deltas.Single());
        Assert.Equal(20, people.Count);
        Assert.Contains(people, person => person.CandidacyId == "c19");
        Assert.DoesNotContain(people, person => person.CandidacyId == "new");
    }
}

public class Deriving_quota_attributes
{
    private static bool InBacKan(string code) => code.StartsWith("01", StringComparison.Ordinal) || code is "058" or "061";

    private static IReadOnlySet<string> AttributesOf(Candidates.CandidateDossier dossier, CouncilKind council) =>
        CandidateAttributes.Of(dossier, council, TestCandidates.ElectionDay, TestTerms.Rules.YoungCandidateAge);

    [Fact]
    public void The_central_process_nominates_centrally() =>
        Assert.Contains(CandidateAttributes.CentrallyNominated, AttributesOf(TestCandidates.Dossier(), CouncilKind.NationalAssemblyCentral));

    [Fact]
    public void The_provincial_process_does_not_nominate_centrally() =>
        Assert.DoesNotContain(CandidateAttributes.CentrallyNominated, AttributesOf(TestCandidates.Dossier(), CouncilKind.NationalAssemblyProvincial));

    [Fact]
    public void A_dossier_says_whether_the_candidate_works_full_time() =>
        Assert.Contains(CandidateAttributes.FullTime, AttributesOf(TestCandidates.Dossier() with { FullTime = true }, CouncilKind.NationalAssemblyProvincial));

    [Fact]
    public void Living_and_working_in_the_province_needs_both_there()
    {
        var both = TestCandidates.Dossier() with { ResidenceUnitCode = "01834", WorkplaceUnitCode = "01888" };
        var worksElsewhere = both with { WorkplaceUnitCode = "26734" };

        Assert.Contains(CandidateAttributes.LivesAndWorksInProvince, CandidateAttributes.Of(both, CouncilKind.NationalAssemblyProvincial, TestCandidates.ElectionDay, TestTerms.Rules.YoungCandidateAge, InBacKan));
        Assert.DoesNotContain(CandidateAttributes.LivesAndWorksInProvince, CandidateAttributes.Of(worksElsewhere, CouncilKind.NationalAssemblyProvincial, TestCandidates.ElectionDay, TestTerms.Rules.YoungCandidateAge, InBacKan));
    }
}
