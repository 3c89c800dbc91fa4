using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.Quotas;

/// <summary>One candidate as the quota rules see them: the attributes that count, and where they stand.</summary>
public sealed record QuotaSubject(string CandidacyId, string FullName, string? ConstituencyId, IReadOnlySet<string> Attributes);

/// <summary>Kết quả: pass, warn (a target missed) or fail (a legal requirement missed).</summary>
public enum QuotaOutcome
{
    Pass,
    Warn,
    Fail,
}

/// <summary>
/// Kết quả một chỉ tiêu: the count and share found, the bound, the outcome, how many more people with the attribute
/// the set needs (swapping others out, the list keeping its size) and who was counted.
/// </summary>
public sealed record QuotaResult(
    string RuleId,
    BilingualText Title,
    TargetSeverity Severity,
    IReadOnlyList<LegalBasis> Basis,
    string? ConstituencyId,
    int Count,
    int Total,
    decimal SharePercent,
    string Bound,
    QuotaOutcome Outcome,
    int Shortfall,
    IReadOnlyList<string> Counted)
{
    public BilingualText Explanation => Shortfall > 0
        ? new($"Cần thêm {Shortfall} người ({Title.Vi}).", $"{Shortfall} more needed ({Title.En}).")
        : new("Đạt.", "Met.");
}

/// <summary>Đánh giá cơ cấu: evaluates a rule set on a set of candidates; pure and fast enough for national roll-ups.</summary>
public static class QuotaEvaluation
{
    /// <param name="unitParameters">Locality parameters from the jurisdiction's seed data, e.g. "ethnicMinorityShare" → 88%.</param>
    public static IReadOnlyList<QuotaResult> Evaluate(RuleSet ruleSet, IReadOnlyCollection<QuotaSubject> subjects, IReadOnlyDictionary<string, Fraction>? unitParameters = null)
    {
        var results = new List<QuotaResult>();
        foreach (var rule in ruleSet.Rules)
        {
            if (rule.Scope == QuotaScope.Whole)
            {
                results.Add(EvaluateRule(rule, subjects, null, unitParameters));
                continue;
            }

            foreach (var constituency in subjects.Where(s => s.ConstituencyId is not null).GroupBy(s => s.ConstituencyId!).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                results.Add(EvaluateRule(rule, constituency.ToList(), constituency.Key, unitParameters));
            }
        }

        return results;
    }

    /// <summary>
    /// Roll-ups: evaluates the whole-set rules on counts already kept by a read model (people per attribute, and the
    /// total), without the candidates themselves. Rules for each constituency need the candidates and are left out.
    /// </summary>
    public static IReadOnlyList<QuotaResult> EvaluateCounts(RuleSet ruleSet, int total, IReadOnlyDictionary<string, int> counts, IReadOnlyDictionary<string, Fraction>? unitParameters = null) =>
        ruleSet.Rules.Where(rule => rule.Scope == QuotaScope.Whole)
            .Select(rule => EvaluateRule(rule, counts.GetValueOrDefault(rule.Attribute), total, [], null, unitParameters))
            .ToList();

    private static QuotaResult EvaluateRule(QuotaRule rule, IReadOnlyCollection<QuotaSubject> subjects, string? constituency, IReadOnlyDictionary<string, Fraction>? unitParameters)
    {
        var counted = subjects.Where(s => s.Attributes.Contains(rule.Attribute)).Select(s => s.CandidacyId).ToList();
        return EvaluateRule(rule, counted.Count, subjects.Count, counted, constituency, unitParameters);
    }

    private static QuotaResult EvaluateRule(QuotaRule rule, int count, int total, IReadOnlyList<string> counted, string? constituency, IReadOnlyDictionary<string, Fraction>? unitParameters)
    {
        var atLeastShare = rule.AtLeastFromUnit is { } parameter && unitParameters?.TryGetValue(parameter, out var fromUnit) == true ? fromUnit : rule.AtLeastShare;

        bool met;
        int shortfall;
        string bound;
        if (rule.Measure == MeasureKind.Count)
        {
            met = (rule.AtLeastCount is not { } min || count >= min) && (rule.AtMostCount is not { } max || count <= max);
            shortfall = rule.AtLeastCount is { } least ? Math.Max(0, least - count) : 0;
            bound = Describe(rule.AtLeastCount?.ToString(System.Globalization.CultureInfo.InvariantCulture), rule.AtMostCount?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            met = (atLeastShare is not { } min || AtLeast(count, total, min, rule.Rounding)) && (rule.AtMostShare is not { } max || AtMost(count, total, max, rule.Rounding));
            shortfall = atLeastShare is { } least ? Shortfall(count, total, least, rule.Rounding) : 0;
            bound = Describe(atLeastShare?.ToString(), rule.AtMostShare?.ToString());
        }

        var outcome = met ? QuotaOutcome.Pass : rule.Severity == TargetSeverity.Requirement ? QuotaOutcome.Fail : QuotaOutcome.Warn;
        var percent = total == 0 ? 0m : Math.Round(100m * count / total, 2, MidpointRounding.AwayFromZero);
        return new QuotaResult(rule.Id, rule.Title, rule.Severity, rule.Source.Basis, constituency, count, total, percent, bound, outcome, shortfall, counted);
    }

    /// <summary>Whether <paramref name="count"/> of <paramref name="total"/> reaches the share, under the rule's rounding.</summary>
    public static bool AtLeast(int count, int total, Fraction share, Rounding rounding) =>
        total > 0 && (rounding == Rounding.Exact ? share.IsMetBy(count, total) : WholePercent(count, total) * share.Denominator >= 100L * share.Numerator);

    public static bool AtMost(int count, int total, Fraction share, Rounding rounding) =>
        total == 0 || (rounding == Rounding.Exact ? (long)count * share.Denominator <= (long)share.Numerator * total : WholePercent(count, total) * share.Denominator <= 100L * share.Numerator);

    /// <summary>How many of the others must give way to people with the attribute for the list, keeping its size, to reach the share.</summary>
    public static int Shortfall(int count, int total, Fraction share, Rounding rounding)
    {
        if (total == 0) return 0;
        var needed = count;
        while (needed < total && !AtLeast(needed, total, share, rounding)) needed++;
        return needed - count;
    }

    /// <summary>The share in whole percent, half up: 34.5% → 35.</summary>
    private static long WholePercent(int count, int total) => ((200L * count) + total) / (2L * total);

    private static string Describe(string? atLeast, string? atMost) => (atLeast, atMost) switch
    {
        ({ } low, { } high) => $"{low}–{high}",
        ({ } low, null) => $"≥ {low}",
        (null, { } high) => $"≤ {high}",
        _ => "",
    };
}
