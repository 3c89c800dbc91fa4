using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.Quotas;

/// <summary>Danh sách được đếm: the set of candidates a rule governs.</summary>
public enum Population
{
    /// <summary>Phân bổ số lượng người được giới thiệu (vòng 1).</summary>
    AllocationPlan,

    /// <summary>Những người được giới thiệu, tự ứng cử.</summary>
    Nominees,

    /// <summary>Danh sách sơ bộ.</summary>
    PreliminaryList,

    /// <summary>Danh sách những người đủ tiêu chuẩn.</summary>
    QualifiedList,

    /// <summary>Danh sách chính thức.</summary>
    OfficialList,

    /// <summary>Những người trúng cử.</summary>
    Elected,
}

/// <summary>Đơn vị tính: a share of the set, or a count of people.</summary>
public enum MeasureKind
{
    Share,
    Count,
}

/// <summary>
/// Cách làm tròn: Exact compares the share as a fraction (34.99% fails 35%); HalfUpToWholePercent first rounds the
/// share to a whole percent, half up (34.5% counts as 35%).
/// </summary>
public enum Rounding
{
    Exact,
    HalfUpToWholePercent,
}

/// <summary>Phạm vi: the whole set, or each constituency on its own (e.g. every constituency has a woman).</summary>
public enum QuotaScope
{
    Whole,
    EachConstituency,
}

/// <summary>
/// Một chỉ tiêu cơ cấu: the share or count of candidates with <paramref name="Attribute"/> that <paramref name="Population"/>
/// must (Requirement) or should (Target) have. Share bounds are fractions; count bounds are whole people.
/// <paramref name="AtLeastFromUnit"/> takes the lower bound from the jurisdiction's seed data (e.g. the ethnic minority
/// share of its population).
/// </summary>
public sealed record QuotaRule(
    string Id,
    BilingualText Title,
    Population Population,
    string Attribute,
    MeasureKind Measure,
    TargetSeverity Severity,
    Rounding Rounding,
    RuleBasis Source,
    DateOnly EffectiveFrom,
    QuotaScope Scope = QuotaScope.Whole,
    Fraction? AtLeastShare = null,
    Fraction? AtMostShare = null,
    int? AtLeastCount = null,
    int? AtMostCount = null,
    string? AtLeastFromUnit = null);

/// <summary>Bộ quy tắc cơ cấu: a versioned set of quota rules for one council kind (seeds/rules).</summary>
public sealed record RuleSet(string Id, int Version, CouncilKind Council, DateOnly EffectiveFrom, IReadOnlyList<QuotaRule> Rules);
