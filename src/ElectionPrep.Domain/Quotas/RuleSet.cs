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
/// Cơ sở tính tỷ lệ: what a share is a share of. The people counted are always those of the rule's population; the
/// base is the number the bound is taken of.
/// </summary>
public enum QuotaBase
{
    /// <summary>Số người trong danh sách: the candidates on the list evaluated.</summary>
    Candidates,

    /// <summary>Số đại biểu được bầu: the seats to fill (e.g. 30% re-elected computed on 85 seats, not on the candidates).</summary>
    Seats,

    /// <summary>Số người trúng cử: those elected.</summary>
    Elected,
}

/// <summary>
/// Cách làm tròn: Exact compares the share as a fraction (34.99% fails 35%); HalfUpToWholePercent first rounds the
/// share to a whole percent, half up (34.5% counts as 35%). The ...ToWholePerson roundings turn the bound into a number
/// of people first (share × base), rounded up (0.35 × 136 = 47.6 → 48), down (0.15 × 136 = 20.4 → 20) or half up
/// (0.30 × 85 = 25.5 → 26), as a structure resolution's application counts it.
/// </summary>
public enum Rounding
{
    Exact,
    HalfUpToWholePercent,
    UpToWholePerson,
    DownToWholePerson,
    HalfUpToWholePerson,
}

/// <summary>
/// Phạm vi: the whole set, each constituency on its own (e.g. every constituency has a woman), or the national list:
/// every list of the body together (the NA's central list and every province's), where one list is only a part.
/// </summary>
public enum QuotaScope
{
    Whole,
    EachConstituency,

    /// <summary>Danh sách chính thức cả nước (Luật 85 Điều 8): a part below the bound is shown, never blocked.</summary>
    NationalList,
}

/// <summary>
/// Một chỉ tiêu cơ cấu: the share or count of candidates with <paramref name="Attribute"/> that <paramref name="Population"/>
/// must (Requirement) or should (Target) have, as a share of <paramref name="Base"/> rounded as <paramref name="Rounding"/>
/// says. Share bounds are fractions; count bounds are whole people.
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
    QuotaBase Base,
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
