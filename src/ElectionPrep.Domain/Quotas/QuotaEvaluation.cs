using System.Globalization;
using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.Quotas;

/// <summary>One candidate as the quota rules see them: the attributes that count, and where they stand.</summary>
public sealed record QuotaSubject(string CandidacyId, string FullName, string? ConstituencyId, IReadOnlySet<string> Attributes);

/// <summary>Kết quả: pass, warn (a target missed), fail (a legal requirement missed) or not evaluable (the input lacks what the rule counts).</summary>
public enum QuotaOutcome
{
    Pass,
    Warn,
    Fail,
    NotEvaluable,
}

/// <summary>How a result is to be read.</summary>
public enum QuotaReading
{
    /// <summary>The rule evaluated on the set it governs.</summary>
    Binding,

    /// <summary>
    /// Dự báo: a target about those elected, evaluated on a list, as if those elected were like the list. Informative
    /// only: it never fails.
    /// </summary>
    Projection,

    /// <summary>Một phần danh sách cả nước: a rule on the national list evaluated on one list of it. Shown, never failing.</summary>
    PartOfNationalList,
}

/// <summary>
/// What a rule set is evaluated on: which set the candidates are, how many seats they stand for (for rules on seats),
/// the locality's parameters (e.g. "ethnicMinorityShare" → 88%), and the attributes the input cannot tell, each with
/// the column it lacks (Vietnamese and English header).
/// </summary>
public sealed record QuotaContext(
    Population Evaluated,
    int? Seats = null,
    IReadOnlyDictionary<string, Fraction>? UnitParameters = null,
    IReadOnlyDictionary<string, BilingualText>? MissingColumns = null);

/// <summary>
/// Mức yêu cầu: a rule's bounds as numbers, a share in percent of its base (35, 88.02) or a count of people; null where
/// the rule sets none. <see cref="QuotaResult.Bound"/> is the same bound as the API writes it.
/// </summary>
public sealed record QuotaLimits(MeasureKind Measure, decimal? AtLeast, decimal? AtMost)
{
    /// <summary>The bound as each language writes it: "≥ 88,02 %" and "≥ 88.02%"; "≥ 1" for a count.</summary>
    public BilingualText Text
    {
        get
        {
            var low = AtLeast is { } least ? Written(least) : null;
            var high = AtMost is { } most ? Written(most) : null;
            return new(QuotaEvaluation.Describe(low?.Vi, high?.Vi), QuotaEvaluation.Describe(low?.En, high?.En));
        }
    }

    private BilingualText Written(decimal value) =>
        Measure == MeasureKind.Share ? Percentages.Of(value) : new(value.ToString("0", CultureInfo.InvariantCulture), value.ToString("0", CultureInfo.InvariantCulture));
}

/// <summary>
/// Kết quả một chỉ tiêu: the count and share found (of the rule's base), the bound, the outcome, how many more people
/// with the attribute the set needs (swapping others out, the list keeping its size) and who was counted. A result
/// that is not evaluable has no count and no share.
/// </summary>
public sealed record QuotaResult(
    string RuleId,
    BilingualText Title,
    TargetSeverity Severity,
    IReadOnlyList<LegalBasis> Basis,
    string? ConstituencyId,
    int? Count,
    int Total,
    decimal? SharePercent,
    string Bound,
    QuotaOutcome Outcome,
    int Shortfall,
    IReadOnlyList<string> Counted,
    QuotaBase Base,
    int? BaseSize,
    Rounding Rounding,
    QuotaReading Reading,
    QuotaLimits Limits,
    BilingualText? MissingColumn = null)
{
    /// <summary>What was found as each language writes it, "1/3 (33,33 %)" and "1/3 (33.33%)"; null when not evaluable.</summary>
    public BilingualText? Found => Count is { } count && SharePercent is { } share
        ? new($"{count}/{Total} ({Percentages.Of(share).Vi})", $"{count}/{Total} ({Percentages.Of(share).En})")
        : null;

    public BilingualText Explanation
    {
        get
        {
            if (Outcome == QuotaOutcome.NotEvaluable)
            {
                return MissingColumn is { } column
                    ? new($"Không đánh giá được: thiếu cột {column.Vi}.", $"Not evaluable: missing column {column.En}.")
                    : new("Không đánh giá được: chưa có số đại biểu được bầu.", "Not evaluable: the number of seats is missing.");
            }

            var found = Shortfall > 0 ? new BilingualText($"Cần thêm {Shortfall} người ({Title.Vi}).", $"{Shortfall} more needed ({Title.En}).")
                : Outcome == QuotaOutcome.Pass ? new BilingualText("Đạt.", "Met.")
                : new BilingualText($"Chưa đạt mức {Limits.Text.Vi} ({Title.Vi}).", $"Outside the bound {Limits.Text.En} ({Title.En}).");
            return Reading switch
            {
                QuotaReading.Projection => new($"Dự báo trên danh sách (chỉ tiêu tính trên người trúng cử): {found.Vi}",
                    $"Projection on the list (the target counts those elected): {found.En}"),
                QuotaReading.PartOfNationalList => new($"{found.Vi} Mức này áp dụng cho danh sách cả nước; danh sách này là một phần, không bị chặn.",
                    $"{found.En} The bound applies to the national list; this list is one part of it and is not blocked."),
                _ => found,
            };
        }
    }
}

/// <summary>Một danh sách trong danh sách cả nước: a province's list, or the central one, by its counts.</summary>
public sealed record NationalListPart(string Code, string Name, int Total, IReadOnlyDictionary<string, int> Counts);

/// <summary>A part of the national list whose own share is outside the national bound.</summary>
public sealed record PartBelow(string Code, string Name, int Count, int Total, decimal SharePercent);

/// <summary>A rule on the national list: evaluated on every part together, with the parts outside the bound named.</summary>
public sealed record NationalQuotaResult(QuotaResult Result, IReadOnlyList<PartBelow> PartsBelow)
{
    public BilingualText PartsBelowText => PartsBelow.Count == 0
        ? new("Không có danh sách nào dưới mức.", "No list is below the bound.")
        : new($"{PartsBelow.Count} danh sách dưới mức {Result.Limits.Text.Vi}: {string.Join(", ", PartsBelow.Select(part => Describe(part, Percentages.Of(part.SharePercent).Vi)))}.",
            $"{PartsBelow.Count} lists below {Result.Limits.Text.En}: {string.Join(", ", PartsBelow.Select(part => Describe(part, Percentages.Of(part.SharePercent).En)))}.");

    private static string Describe(PartBelow part, string share) => $"{part.Name} {part.Count}/{part.Total} ({share})";
}

/// <summary>Đánh giá cơ cấu: evaluates a rule set on a set of candidates; pure and fast enough for national roll-ups.</summary>
public static class QuotaEvaluation
{
    public static IReadOnlyList<QuotaResult> Evaluate(RuleSet ruleSet, IReadOnlyCollection<QuotaSubject> subjects, QuotaContext context)
    {
        var results = new List<QuotaResult>();
        foreach (var rule in ruleSet.Rules)
        {
            if (rule.Scope != QuotaScope.EachConstituency)
            {
                results.Add(EvaluateRule(rule, subjects, null, context));
                continue;
            }

            // A constituency's seats are not the list's: a rule on seats there is not evaluable.
            foreach (var constituency in subjects.Where(s => s.ConstituencyId is not null).GroupBy(s => s.ConstituencyId!).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                results.Add(EvaluateRule(rule, constituency.ToList(), constituency.Key, context with { Seats = null }));
            }
        }

        return results;
    }

    /// <summary>
    /// Roll-ups: evaluates the whole-set rules on counts already kept by a read model (people per attribute, and the
    /// total), without the candidates themselves. Rules for each constituency need the candidates and are left out.
    /// </summary>
    public static IReadOnlyList<QuotaResult> EvaluateCounts(RuleSet ruleSet, int total, IReadOnlyDictionary<string, int> counts, QuotaContext context) =>
        ruleSet.Rules.Where(rule => rule.Scope != QuotaScope.EachConstituency)
            .Select(rule => EvaluateRule(rule, counts.GetValueOrDefault(rule.Attribute), total, [], null, context, ReadingOf(rule, context)))
            .ToList();

    /// <summary>
    /// Danh sách cả nước: the rules on the national list evaluated on every part together (Luật 85 Điều 8: the women's
    /// and ethnic minorities' shares bind the country's official list), each naming the parts outside its bound, in order
    /// of their codes. A part below the bound does not make the national list fail.
    /// </summary>
    public static IReadOnlyList<NationalQuotaResult> EvaluateNationalList(RuleSet ruleSet, IReadOnlyList<NationalListPart> parts, QuotaContext context)
    {
        var total = parts.Sum(part => part.Total);
        return ruleSet.Rules.Where(rule => rule.Scope == QuotaScope.NationalList)
            .Select(rule =>
            {
                var national = EvaluateRule(rule, parts.Sum(part => part.Counts.GetValueOrDefault(rule.Attribute)), total, [], null, context, QuotaReading.Binding);
                var below = parts.OrderBy(part => part.Code, StringComparer.Ordinal)
                    .Select(part => (part, result: EvaluateRule(rule, part.Counts.GetValueOrDefault(rule.Attribute), part.Total, [], null, context with { Seats = null }, QuotaReading.Binding)))
                    .Where(pair => pair.result.Outcome is QuotaOutcome.Warn or QuotaOutcome.Fail)
                    .Select(pair => new PartBelow(pair.part.Code, pair.part.Name, pair.result.Count ?? 0, pair.part.Total, pair.result.SharePercent ?? 0))
                    .ToList();
                return new NationalQuotaResult(national, below);
            })
            .ToList();
    }

    private static QuotaReading ReadingOf(QuotaRule rule, QuotaContext context) =>
        rule.Population == Population.Elected && context.Evaluated != Population.Elected ? QuotaReading.Projection
        : rule.Scope == QuotaScope.NationalList ? QuotaReading.PartOfNationalList
        : QuotaReading.Binding;

    private static QuotaResult EvaluateRule(QuotaRule rule, IReadOnlyCollection<QuotaSubject> subjects, string? constituency, QuotaContext context)
    {
        var counted = subjects.Where(s => s.Attributes.Contains(rule.Attribute)).Select(s => s.CandidacyId).ToList();
        return EvaluateRule(rule, counted.Count, subjects.Count, counted, constituency, context, ReadingOf(rule, context));
    }

    private static QuotaResult EvaluateRule(QuotaRule rule, int count, int total, IReadOnlyList<string> counted, string? constituency, QuotaContext context, QuotaReading reading)
    {
        var atLeastShare = rule.AtLeastFromUnit is { } parameter && context.UnitParameters?.TryGetValue(parameter, out var fromUnit) == true ? fromUnit : rule.AtLeastShare;
        var bound = rule.Measure == MeasureKind.Count
            ? Describe(rule.AtLeastCount?.ToString(CultureInfo.InvariantCulture), rule.AtMostCount?.ToString(CultureInfo.InvariantCulture))
            : Describe(atLeastShare?.ToString(), rule.AtMostShare?.ToString());
        var limits = rule.Measure == MeasureKind.Count
            ? new QuotaLimits(MeasureKind.Count, rule.AtLeastCount, rule.AtMostCount)
            : new QuotaLimits(MeasureKind.Share, atLeastShare?.Percent, rule.AtMostShare?.Percent);
        var baseSize = rule.Base == QuotaBase.Seats ? context.Seats : total;
        var missing = context.MissingColumns?.GetValueOrDefault(rule.Attribute);
        if (missing is not null || baseSize is not { } of)
        {
            return new QuotaResult(rule.Id, rule.Title, rule.Severity, rule.Source.Basis, constituency, null, total, null, bound, QuotaOutcome.NotEvaluable, 0, [],
                rule.Base, baseSize, rule.Rounding, reading, limits, missing);
        }

        int? least, most;
        if (rule.Measure == MeasureKind.Count)
        {
            (least, most) = (rule.AtLeastCount, rule.AtMostCount);
        }
        else
        {
            least = atLeastShare is { } low ? AtLeastPeople(low, of, rule.Rounding) : null;
            most = rule.AtMostShare is { } high ? AtMostPeople(high, of, rule.Rounding) : null;
        }

        // An empty base meets no share: a list of no one has no women.
        var reached = least is not { } needed || (count >= needed && (rule.Measure == MeasureKind.Count || of > 0));
        var met = reached && (most is not { } allowed || count <= allowed);
        var shortfall = least is not { } required ? 0
            : rule.Measure == MeasureKind.Count ? Math.Max(0, required - count)
            : Math.Max(0, Math.Min(required, total) - count);

        // A projection or a part of the national list is shown, never failed: the rule binds another set.
        var outcome = met ? QuotaOutcome.Pass : rule.Severity == TargetSeverity.Requirement && reading == QuotaReading.Binding ? QuotaOutcome.Fail : QuotaOutcome.Warn;
        var percent = of == 0 ? 0m : Math.Round(100m * count / of, 2, MidpointRounding.AwayFromZero);
        return new QuotaResult(rule.Id, rule.Title, rule.Severity, rule.Source.Basis, constituency, count, total, percent, bound, outcome, shortfall, counted,
            rule.Base, of, rule.Rounding, reading, limits);
    }

    /// <summary>The fewest people with the attribute that reach <paramref name="share"/> of <paramref name="of"/>, under the rounding.</summary>
    public static int AtLeastPeople(Fraction share, int of, Rounding rounding)
    {
        long numerator = share.Numerator, denominator = share.Denominator;
        return (int)Math.Max(0, rounding switch
        {
            // The whole percent, half up, reaches P% from n ≥ of × (2P − 1) / 200, P the least whole percent meeting the share.
            Rounding.HalfUpToWholePercent => CeilingDivide(of * ((2 * CeilingDivide(100 * numerator, denominator)) - 1), 200),
            Rounding.DownToWholePerson => numerator * of / denominator,
            Rounding.HalfUpToWholePerson => ((2 * numerator * of) + denominator) / (2 * denominator),
            _ => CeilingDivide(numerator * of, denominator),
        });
    }

    /// <summary>The most people with the attribute that stay within <paramref name="share"/> of <paramref name="of"/>, under the rounding.</summary>
    public static int AtMostPeople(Fraction share, int of, Rounding rounding)
    {
        long numerator = share.Numerator, denominator = share.Denominator;
        return (int)Math.Max(0, rounding switch
        {
            // The whole percent, half up, stays within Q% while n < of × (2Q + 1) / 200, Q the whole percent the share allows.
            Rounding.HalfUpToWholePercent => CeilingDivide(of * ((2 * (100 * numerator / denominator)) + 1), 200) - 1,
            Rounding.UpToWholePerson => CeilingDivide(numerator * of, denominator),
            Rounding.HalfUpToWholePerson => ((2 * numerator * of) + denominator) / (2 * denominator),
            _ => numerator * of / denominator,
        });
    }

    private static long CeilingDivide(long dividend, long divisor) => (dividend + divisor - 1) / divisor;

    internal static string Describe(string? atLeast, string? atMost) => (atLeast, atMost) switch
    {
        ({ } low, { } high) => $"{low}–{high}",
        ({ } low, null) => $"≥ {low}",
        (null, { } high) => $"≤ {high}",
        _ => "",
    };
}
