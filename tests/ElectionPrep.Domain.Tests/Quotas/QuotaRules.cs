using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.Quotas;

/// <summary>Rules and lists for the quota specs: one rule at a time, a list of people with or without one attribute.</summary>
public static class QuotaRules
{
    private static readonly RuleBasis Law = new([new LegalBasis("Luật 85/2015/QH13", "Điều 8")], Confirmed: true);

    public static QuotaRule Share(string attribute, string atLeast, Rounding rounding = Rounding.Exact, QuotaBase on = QuotaBase.Candidates,
        Population population = Population.OfficialList, TargetSeverity severity = TargetSeverity.Requirement, QuotaScope scope = QuotaScope.Whole, string? atMost = null) =>
        new($"{attribute}-rule", new BilingualText($"Chỉ tiêu {attribute}", $"Rule on {attribute}"), population, attribute, MeasureKind.Share, severity, rounding, on, Law,
            new DateOnly(2025, 11, 10), scope, AtLeastShare: Fraction.Parse(atLeast), AtMostShare: atMost is null ? null : Fraction.Parse(atMost));

    public static RuleSet Set(params QuotaRule[] rules) => new("national-assembly-provincial", 2, CouncilKind.NationalAssemblyProvincial, new DateOnly(2025, 11, 10), rules);

    /// <summary><paramref name="with"/> of <paramref name="total"/> people have <paramref name="attribute"/>.</summary>
    public static List<QuotaSubject> People(int with, int total, string attribute = CandidateAttributes.Woman) =>
        [.. Enumerable.Range(0, total).Select(i => new QuotaSubject($"c{i}", $"Người {i}", "dv1", i < with ? new HashSet<string> { attribute } : new HashSet<string>()))];

    public static QuotaResult EvaluateOne(QuotaRule rule, int with, int total, QuotaContext? context = null, string attribute = CandidateAttributes.Woman) =>
        QuotaEvaluation.Evaluate(Set(rule), People(with, total, attribute), context ?? Evaluating_quotas.OfficialList).Single();
}
