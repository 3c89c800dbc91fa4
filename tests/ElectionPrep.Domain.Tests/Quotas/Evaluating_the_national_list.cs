using static ElectionPrep.Quotas.QuotaRules;

namespace ElectionPrep.Quotas;

/// <summary>Luật 85 Điều 8: the National Assembly's women's share binds the country's official list, not each province's part of it.</summary>
public class Evaluating_the_national_list
{
    private static readonly QuotaRule NationalWomen = Share(CandidateAttributes.Woman, "35%", scope: QuotaScope.NationalList);

    private static NationalListPart Part(string code, string name, int women, int total) =>
        new(code, name, total, new Dictionary<string, int> { [CandidateAttributes.Woman] = women });

    /// <summary>Four lists, 40 women of 100 (40%): Bắc Kạn (3 of 10) and Cao Bằng (2 of 10) are below 35%.</summary>
    private static readonly NationalListPart[] Parts =
    [
        Part("VN", "Trung ương", 20, 40),
        Part("06", "Bắc Kạn", 3, 10),
        Part("04", "Cao Bằng", 2, 10),
        Part("01", "Hà Nội", 15, 40),
    ];

    private static NationalQuotaResult Evaluate(params NationalListPart[] parts) =>
        QuotaEvaluation.EvaluateNationalList(Set(NationalWomen), parts, Evaluating_quotas.OfficialList).Single();

    [Fact]
    public void The_national_list_passes_though_some_provinces_are_below_35_percent()
    {
        var national = Evaluate(Parts).Result;

        Assert.Equal((QuotaOutcome.Pass, (int?)40, 100, QuotaReading.Binding), (national.Outcome, national.Count, national.Total, national.Reading));
    }

    [Fact]
    public void The_national_evaluation_names_the_provinces_below_35_percent()
    {
        var below = Evaluate(Parts);

        Assert.Equal([new PartBelow("04", "Cao Bằng", 2, 10, 20.00m), new PartBelow("06", "Bắc Kạn", 3, 10, 30.00m)], below.PartsBelow);
        Assert.Equal("2 lists below ≥ 35%: Cao Bằng 2/10 (20%), Bắc Kạn 3/10 (30%).", below.PartsBelowText.En);
    }

    [Fact]
    public void The_national_list_below_35_percent_fails() =>
        Assert.Equal(QuotaOutcome.Fail, Evaluate(Part("06", "Bắc Kạn", 3, 10), Part("04", "Cao Bằng", 2, 10)).Result.Outcome);

    [Fact]
    public void A_province_below_the_national_share_is_shown_as_part_of_the_national_list_not_failed()
    {
        var bacKan = EvaluateOne(NationalWomen, with: 3, total: 10);

        Assert.Equal((QuotaOutcome.Warn, QuotaReading.PartOfNationalList), (bacKan.Outcome, bacKan.Reading));
        Assert.EndsWith("The bound applies to the national list; this list is one part of it and is not blocked.", bacKan.Explanation.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_rules_on_the_national_list_are_evaluated_nationally() =>
        Assert.Empty(QuotaEvaluation.EvaluateNationalList(Set(Share(CandidateAttributes.Woman, "35%")), Parts, Evaluating_quotas.OfficialList));
}
