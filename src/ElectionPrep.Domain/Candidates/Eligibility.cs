using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.Candidates;

/// <summary>
/// Kết quả xét điều kiện: a rule the candidacy breaks, the field of the dossier (or of the person) it concerns, why,
/// and the legal basis from the term's rules.
/// </summary>
public sealed record EligibilityFinding(string RuleId, string Field, BilingualText Detail, IReadOnlyList<LegalBasis> Basis)
{
    /// <summary>Why, with its legal basis in words, e.g. "Chưa đủ 21 tuổi … (Luật 85/2015/QH13, Điều 2)."</summary>
    public BilingualText Sentence => Basis.Count == 0
        ? Detail
        : new($"{Detail.Vi.TrimEnd('.')} ({string.Join("; ", Basis)}).", $"{Detail.En.TrimEnd('.')} ({string.Join("; ", Basis)}).");
}

/// <summary>The council kinds a person already stands for elsewhere in this election.</summary>
public sealed record OtherCandidacies(IReadOnlyList<CouncilKind> Councils);

/// <summary>
/// Xét điều kiện ứng cử: the checks of Luật 85/2015/QH13 that can be known from the dossier and the person's other
/// candidacies. Each rule's figure and legal basis come from the term's rule parameters.
/// </summary>
public static class Eligibility
{
    public const string MinimumAge = "minimum-age";
    public const string VietnameseCitizen = "vietnamese-citizen";
    public const string SoleVietnameseNationality = "sole-vietnamese-nationality";
    public const string NotBarred = "not-barred";
    public const string LivesOrWorksInLocality = "lives-or-works-in-locality";
    public const string DossierComplete = "dossier-complete";
    public const string MultipleCandidacy = "multiple-candidacy";

    /// <summary>The rules whose basis the term's rule parameters must give (multiple candidacy has its own parameter).</summary>
    public static IReadOnlyList<string> RuleIds { get; } =
        [MinimumAge, VietnameseCitizen, SoleVietnameseNationality, NotBarred, LivesOrWorksInLocality, DossierComplete];

    /// <param name="isWithinJurisdiction">Whether an administrative unit code lies in the council's jurisdiction.</param>
    public static IReadOnlyList<EligibilityFinding> Check(
        CandidateDossier dossier,
        CouncilKind council,
        DateOnly electionDay,
        RuleParameters rules,
        OtherCandidacies others,
        Func<string, bool> isWithinJurisdiction)
    {
        var findings = new List<EligibilityFinding>();
        void Fail(string ruleId, string field, string vi, string en)
        {
            var rule = rules.Eligibility.FirstOrDefault(candidate => candidate.Id == ruleId);
            if (rule is null || rule.AppliesTo.Contains(council)) findings.Add(new EligibilityFinding(ruleId, field, new BilingualText(vi, en), rule?.Source.Basis ?? []));
        }

        var minimum = rules.CandidateMinimumAge.Years;
        if (AgeOn(dossier.DateOfBirth, electionDay) < minimum)
        {
            Fail(MinimumAge, nameof(CandidateDossier.DateOfBirth), $"Chưa đủ {minimum} tuổi vào ngày bầu cử {electionDay:dd/MM/yyyy}.", $"Not {minimum} years old on election day, {electionDay:yyyy-MM-dd}.");
        }

        if (dossier.Nationality != CandidateDossier.Vietnam)
        {
            Fail(VietnameseCitizen, nameof(CandidateDossier.Nationality), "Không phải công dân Việt Nam.", "Not a Vietnamese citizen.");
        }

        if (dossier.OtherNationalities.Count > 0)
        {
            Fail(SoleVietnameseNationality, nameof(CandidateDossier.OtherNationalities), $"Có quốc tịch khác: {string.Join(", ", dossier.OtherNationalities)}.",
                $"Holds another nationality: {string.Join(", ", dossier.OtherNationalities)}.");
        }

        if (dossier.BarringGrounds.Count > 0)
        {
            Fail(NotBarred, nameof(CandidateDossier.BarringGrounds), $"Thuộc trường hợp không được ứng cử: {string.Join("; ", dossier.BarringGrounds)}.",
                $"Barred from standing: {string.Join("; ", dossier.BarringGrounds)}.");
        }

        if (!isWithinJurisdiction(dossier.ResidenceUnitCode) && (dossier.WorkplaceUnitCode is null || !isWithinJurisdiction(dossier.WorkplaceUnitCode)))
        {
            Fail(LivesOrWorksInLocality, nameof(CandidateDossier.ResidenceUnitCode), "Không cư trú hoặc công tác thường xuyên ở địa phương.", "Neither lives nor regularly works in the locality.");
        }

        if (dossier.MissingDocuments.ToList() is { Count: > 0 } missing)
        {
            var names = missing.Select(DocumentNames.Of).ToList();
            Fail(DossierComplete, nameof(CandidateDossier.Documents), $"Hồ sơ thiếu: {string.Join(", ", names.Select(name => name.Vi))}.",
                $"The dossier lacks: {string.Join(", ", names.Select(name => name.En))}.");
        }

        if (MultipleCandidacyViolation(council, others, rules.MultipleCandidacy) is { } violation)
        {
            // The person, known by their citizen ID, stands elsewhere: the finding concerns that number, not the dossier.
            findings.Add(new EligibilityFinding(MultipleCandidacy, nameof(ProtectedPersonalData.CitizenId), violation, rules.MultipleCandidacy.Source.Basis));
        }

        return findings;
    }

    /// <summary>Tuổi tròn vào ngày bầu cử: whole years lived on <paramref name="day"/>.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > day ? age - 1 : age;
    }

    /// <summary>Cấp ứng cử: the National Assembly counts as one level whether nominated centrally or in a province.</summary>
    public static string Level(CouncilKind council) => council.IsNationalAssembly() ? "NationalAssembly" : council.ToString();

    public static BilingualText? MultipleCandidacyViolation(CouncilKind council, OtherCandidacies others, MultipleCandidacyRule rule)
    {
        if (others.Councils.Any(other => Level(other) == Level(council)))
        {
            return new("Đã nộp hồ sơ ứng cử ở cấp này; mỗi cấp chỉ một hồ sơ.", "Already standing at this level; one dossier per level.");
        }

        var all = others.Councils.Append(council).ToList();
        var councilLevels = all.Count(kind => !kind.IsNationalAssembly());
        var standsForAssembly = all.Any(kind => kind.IsNationalAssembly());
        var limit = standsForAssembly ? rule.MaxPeoplesCouncilLevelsWithNationalAssembly : rule.MaxPeoplesCouncilLevels;
        return councilLevels <= limit
            ? null
            : standsForAssembly
                ? new($"Người ứng cử đại biểu Quốc hội chỉ được ứng cử HĐND tối đa {limit} cấp.", $"A National Assembly candidate may stand for at most {limit} People's Council level(s).")
                : new($"Chỉ được ứng cử HĐND tối đa {limit} cấp.", $"At most {limit} People's Council levels.");
    }
}
