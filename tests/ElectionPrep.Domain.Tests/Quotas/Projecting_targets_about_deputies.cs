using static ElectionPrep.Quotas.QuotaRules;

namespace ElectionPrep.Quotas;

public class Projecting_targets_about_deputies
{
    private static readonly QuotaRule ReElected = Share(CandidateAttributes.Incumbent, "32%", on: QuotaBase.Elected, population: Population.Elected);

    [Fact]
    public void A_target_about_deputies_read_on_a_list_is_a_projection()
    {
        var result = EvaluateOne(ReElected, with: 1, total: 10, attribute: CandidateAttributes.Incumbent);

        Assert.Equal(QuotaReading.Projection, result.Reading);
        Assert.StartsWith("Projection on the list (the target counts those elected):", result.Explanation.En, StringComparison.Ordinal);
        Assert.StartsWith("Dự báo trên danh sách", result.Explanation.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void A_projection_warns_and_never_fails() =>
        Assert.Equal(QuotaOutcome.Warn, EvaluateOne(ReElected, with: 1, total: 10, attribute: CandidateAttributes.Incumbent).Outcome);

    [Fact]
    public void The_same_rule_read_on_those_elected_binds()
    {
        var result = EvaluateOne(ReElected, with: 1, total: 10, new QuotaContext(Population.Elected), CandidateAttributes.Incumbent);

        Assert.Equal((QuotaReading.Binding, QuotaOutcome.Fail), (result.Reading, result.Outcome));
    }

    [Fact]
    public void A_rule_about_the_list_read_on_the_list_binds() =>
        Assert.Equal(QuotaReading.Binding, EvaluateOne(Share(CandidateAttributes.Woman, "35%"), with: 1, total: 10).Reading);
}

public class Saying_what_cannot_be_evaluated
{
    private static readonly QuotaContext WithoutIncumbency = Evaluating_quotas.OfficialList with
    {
        MissingColumns = new Dictionary<string, Common.BilingualText> { [CandidateAttributes.Incumbent] = new("Đại biểu đương nhiệm", "incumbent") },
    };

    private static QuotaResult ReElected() =>
        EvaluateOne(Share(CandidateAttributes.Incumbent, "30%", severity: Terms.TargetSeverity.Target), with: 0, total: 10, WithoutIncumbency, CandidateAttributes.Incumbent);

    [Fact]
    public void A_rule_whose_column_is_missing_is_not_evaluable_naming_the_column()
    {
        var result = ReElected();

        Assert.Equal(QuotaOutcome.NotEvaluable, result.Outcome);
        Assert.Equal("Not evaluable: missing column incumbent.", result.Explanation.En);
        Assert.Equal("Không đánh giá được: thiếu cột Đại biểu đương nhiệm.", result.Explanation.Vi);
    }

    [Fact]
    public void A_rule_that_cannot_be_evaluated_shows_no_share_and_no_shortfall()
    {
        var result = ReElected();

        Assert.Equal(((int?)null, (decimal?)null, 0, 0), (result.Count, result.SharePercent, result.Shortfall, result.Counted.Count));
    }

    [Fact]
    public void A_missing_column_does_not_fail_a_legal_requirement() =>
        Assert.Equal(QuotaOutcome.NotEvaluable,
            EvaluateOne(Share(CandidateAttributes.Incumbent, "30%"), with: 0, total: 10, WithoutIncumbency, CandidateAttributes.Incumbent).Outcome);

    [Fact]
    public void Rules_on_the_columns_present_are_still_evaluated() =>
        Assert.Equal(QuotaOutcome.Fail, EvaluateOne(Share(CandidateAttributes.Woman, "35%"), with: 1, total: 10, WithoutIncumbency).Outcome);
}
