using ElectionPrep.Candidates;
using ElectionPrep.Terms;

namespace ElectionPrep.Quotas;

/// <summary>Thuộc tính cơ cấu: what a dossier says about the attributes quota rules count.</summary>
public static class CandidateAttributes
{
    public const string Woman = "woman";
    public const string EthnicMinority = "ethnic-minority";
    public const string NonParty = "non-party";
    /// <summary>Younger than the term's seeded age on election day ("under 40" in 2021); the id names no age, the seeds do.</summary>
    public const string Young = "young";
    public const string Incumbent = "incumbent";
    public const string SelfNominee = "self-nominee";
    public const string CentrallyNominated = "centrally-nominated";
    public const string FullTime = "full-time";
    public const string LivesAndWorksInProvince = "lives-and-works-in-province";

    /// <summary>The majority ethnic group; every other group counts as an ethnic minority (dân tộc thiểu số).</summary>
    public const string MajorityEthnicity = "Kinh";

    public static IReadOnlyCollection<string> Known { get; } =
        [Woman, EthnicMinority, NonParty, Young, Incumbent, SelfNominee, CentrallyNominated, FullTime, LivesAndWorksInProvince];

    /// <param name="youngCandidateAge">The term's age a young candidate is under (the structure resolutions' figure, from the seeds).</param>
    /// <param name="isInProvince">Whether a unit code lies in the province of the process, for "lives and works in the province".</param>
    public static IReadOnlySet<string> Of(
        CandidateDossier dossier, CouncilKind council, DateOnly electionDay, AgeRule youngCandidateAge, Func<string, bool>? isInProvince = null)
    {
        var attributes = new HashSet<string>(Of(dossier.Gender, dossier.Ethnicity, dossier.PartyMember, dossier.DateOfBirth, dossier.IsSelfNominated,
            IsIncumbent(dossier, council), electionDay, youngCandidateAge));
        if (council == CouncilKind.NationalAssemblyCentral) attributes.Add(CentrallyNominated);
        if (dossier.FullTime) attributes.Add(FullTime);
        if (isInProvince is not null && isInProvince(dossier.ResidenceUnitCode) && dossier.WorkplaceUnitCode is { } workplace && isInProvince(workplace))
        {
            attributes.Add(LivesAndWorksInProvince);
        }

        return attributes;
    }

    /// <summary>Đại biểu đương nhiệm: sits now on a council of the level the person stands for, so would be re-elected.</summary>
    public static bool IsIncumbent(CandidateDossier dossier, CouncilKind council) =>
        dossier.IncumbentOf is { } seat && Eligibility.Level(seat) == Eligibility.Level(council);

    /// <summary>From the public fields alone, as a list exported elsewhere carries them.</summary>
    public static IReadOnlySet<string> Of(
        Gender gender, string ethnicity, bool partyMember, DateOnly dateOfBirth, bool selfNominated, bool incumbent, DateOnly electionDay, AgeRule youngCandidateAge)
    {
        var attributes = new HashSet<string>();
        if (gender == Gender.Female) attributes.Add(Woman);
        if (!string.Equals(ethnicity, MajorityEthnicity, StringComparison.OrdinalIgnoreCase)) attributes.Add(EthnicMinority);
        if (!partyMember) attributes.Add(NonParty);
        if (Eligibility.AgeOn(dateOfBirth, electionDay) < youngCandidateAge.Years) attributes.Add(Young);
        if (incumbent) attributes.Add(Incumbent);
        if (selfNominated) attributes.Add(SelfNominee);
        return attributes;
    }
}
