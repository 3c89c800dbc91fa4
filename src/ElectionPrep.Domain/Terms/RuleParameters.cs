using ElectionPrep.Common;

namespace ElectionPrep.Terms;

/// <summary>
/// Tham số quy tắc: every number the law (or an open reading of it) decides, with its legal basis.
/// Where domain.md marks a figure OPEN, <see cref="RuleBasis.Confirmed"/> is false and the seed says so.
/// </summary>
public sealed record RuleParameters(
    ShareRule ConsultationQuorum,
    ShareRule ConsultationMajority,
    ShareRule DistrustExclusion,
    VoterConferenceQuorum WorkplaceVoterConferenceQuorum,
    VoterConferenceQuorum ResidenceVoterConferenceQuorum,
    AgeRule CandidateMinimumAge,
    AgeRule YoungCandidateAge,
    IReadOnlyList<SeatLimit> MaxSeatsPerConstituency,
    IReadOnlyList<ListSizeRule> CandidatesBeyondSeats,
    IReadOnlyList<EligibilityRule> Eligibility,
    MultipleCandidacyRule MultipleCandidacy,
    IReadOnlyList<RequiredVoterConference> RequiredVoterConferences,
    ConferenceComposition ConsultationConferenceBodies,
    HolidayRule? DeadlinesOnHolidays = null)
{
    /// <summary>Whether a deadline on a public holiday moves to the first day after it; by default it stays (the law counts calendar days).</summary>
    public bool DeadlinesMoveOffHolidays => DeadlinesOnHolidays?.Moves ?? false;
}

/// <summary>Nhóm người ứng cử a requirement applies to.</summary>
public enum CandidateGroup
{
    /// <summary>Mọi người ứng cử.</summary>
    Everyone,

    /// <summary>Người tự ứng cử.</summary>
    SelfNominees,
}

/// <summary>
/// Hội nghị cử tri bắt buộc: a voter conference of <paramref name="Kind"/> that every candidate of
/// <paramref name="HeldFor"/> on the preliminary list must have had before round 3 adopts the qualified list.
/// </summary>
public sealed record RequiredVoterConference(Candidates.VoterConferenceKind Kind, CandidateGroup HeldFor, RuleBasis Source)
{
    public bool AppliesTo(Candidates.CandidateDossier dossier) => HeldFor == CandidateGroup.Everyone || dossier.IsSelfNominated;
}

/// <summary>
/// Thành phần hội nghị hiệp thương: the bodies a consultation conference convenes (the Front's Standing Board and member
/// organisations) or invites; the convening form offers them, and may name others.
/// </summary>
public sealed record ConferenceComposition(IReadOnlyList<ConferenceBody> Bodies, RuleBasis Source);

/// <summary>One body of a consultation conference, by its Vietnamese name, and whether it is convened or invited.</summary>
public sealed record ConferenceBody(string Name, ConsultationConferences.Participation Participation);

/// <summary>
/// Hạn trùng ngày nghỉ lễ: whether a deadline falling on a public holiday moves to the first day after the holiday
/// (<paramref name="Moves"/>) or is only shown as falling on it.
/// </summary>
public sealed record HolidayRule(bool Moves, RuleBasis Source);

/// <summary>
/// Điều kiện ứng cử: one eligibility rule the domain checks (by <paramref name="Id"/>), for the council kinds it
/// applies to, with its legal basis. Findings cite it.
/// </summary>
public sealed record EligibilityRule(string Id, BilingualText Title, IReadOnlyList<CouncilKind> AppliesTo, RuleBasis Source);

/// <summary>
/// Ứng cử nhiều cấp: at most <paramref name="MaxPeoplesCouncilLevels"/> People's Council levels, and at most
/// <paramref name="MaxPeoplesCouncilLevelsWithNationalAssembly"/> for someone who also stands for the National Assembly.
/// </summary>
public sealed record MultipleCandidacyRule(int MaxPeoplesCouncilLevels, int MaxPeoplesCouncilLevelsWithNationalAssembly, RuleBasis Source);

/// <summary>Where a parameter comes from and whether its figure is confirmed or an open default.</summary>
public sealed record RuleBasis(IReadOnlyList<LegalBasis> Basis, bool Confirmed, string? Note = null);

/// <summary>How a share is compared: "at least" (≥) or "more than" (&gt;).</summary>
public enum ShareComparison
{
    AtLeast,
    MoreThan,
}

/// <summary>A share threshold such as "more than half of those present".</summary>
public sealed record ShareRule(Fraction Share, ShareComparison Comparison, RuleBasis Source)
{
    public bool IsMetBy(int part, int whole) =>
        whole > 0 && (Comparison == ShareComparison.AtLeast ? Share.IsMetBy(part, whole) : Share.IsExceededBy(part, whole));
}

/// <summary>
/// Số cử tri tham dự hội nghị cử tri: a conference of fewer than <paramref name="LargeConferenceFrom"/> voters
/// needs <paramref name="SmallConferencePresent"/> of them; a larger one needs at least
/// <paramref name="LargeConferenceMinimumPresent"/> present (a representative conference at the workplace).
/// </summary>
public sealed record VoterConferenceQuorum(
    int LargeConferenceFrom,
    ShareRule SmallConferencePresent,
    int LargeConferenceMinimumPresent,
    RuleBasis Source)
{
    public bool IsMetBy(int present, int invited) =>
        invited < LargeConferenceFrom ? SmallConferencePresent.IsMetBy(present, invited) : present >= LargeConferenceMinimumPresent;
}

/// <summary>
/// Tuổi: an age reached on election day: the minimum age to stand, or the age the structure's "under 40" counts
/// candidates below.
/// </summary>
public sealed record AgeRule(int Years, RuleBasis Source);

/// <summary>Số đại biểu tối đa của một đơn vị bầu cử.</summary>
public sealed record SeatLimit(IReadOnlyList<CouncilKind> AppliesTo, int MaxSeats, RuleBasis Source);

/// <summary>
/// Số người ứng cử tối thiểu: a constituency with <paramref name="FromSeats"/> to <paramref name="ToSeats"/>
/// seats needs at least seats + <paramref name="ExtraCandidates"/> candidates.
/// </summary>
public sealed record ListSizeRule(IReadOnlyList<CouncilKind> AppliesTo, int FromSeats, int ToSeats, int ExtraCandidates, RuleBasis Source);

/// <summary>Mức độ: a legal requirement blocks; a target only warns.</summary>
public enum TargetSeverity
{
    Requirement,
    Target,
}

