using ElectionPrep.Candidates;
using ElectionPrep.Terms;

namespace ElectionPrep.Quotas;

/// <summary>Thuộc tính cơ cấu: what a dossier says about the attributes quota rules count.</summary>
public static class CandidateAttributes
{
    public const string Woman = "woman";
    public const string EthnicMinority = "ethnic-minority";
    public const string NonParty = "non-party";
    public const string Under40 = "under-40";
    public const string Incumbent = "incumbent";
    public const string SelfNominee = "self-nominee";

    /// <summary>The majority ethnic group; every other group counts as an ethnic minority (dân tộc thiểu số).</summary>
    public const string MajorityEthnicity = "Kinh";

    public static IReadOnlyCollection<string> Known { get; } = [Woman, EthnicMinority, NonParty, Under40, Incumbent, SelfNominee];

    /// <param name="under40Years">The age limit of the "under 40" target, from the rule set (40).</param>
    public static IReadOnlySet<string> Of(CandidateDossier dossier, CouncilKind council, DateOnly electionDay, int under40Years = 40)
    {
        var attributes = new HashSet<string>();
        if (dossier.Gender == Gender.Female) attributes.Add(Woman);
        if (!string.Equals(dossier.Ethnicity, MajorityEthnicity, StringComparison.OrdinalIgnoreCase)) attributes.Add(EthnicMinority);
        if (!dossier.PartyMember) attributes.Add(NonParty);
        if (Eligibility.AgeOn(dossier.DateOfBirth, electionDay) < under40Years) attributes.Add(Under40);
        if (dossier.IncumbentOf is { } seat && Eligibility.Level(seat) == Eligibility.Level(council)) attributes.Add(Incumbent);
        if (dossier.IsSelfNominated) attributes.Add(SelfNominee);
        return attributes;
    }
}
