using ElectionPrep.CandidateLists;
using ElectionPrep.Terms;

namespace ElectionPrep.Candidates;

public class Finding_a_violation_late
{
    private static Candidacy Filed(string id, string process, CouncilKind council, string person) =>
        Candidacy.Evolve(null, new CandidacyFiled(id, process, council, person, TestCandidates.Dossier(), TestCandidates.Protected, "clerk", TestTerms.Now))!;

    private static readonly Candidacy Assembly = Filed("na", "p-na", CouncilKind.NationalAssemblyProvincial, "person-real");
    private static readonly Candidacy Province = Filed("pc", "p-pc", CouncilKind.ProvincialCouncil, "person-real");
    private static readonly Candidacy District = Filed("dc", "p-dc", CouncilKind.DistrictCouncil, "person-typo");

    private static readonly ProtectedPersonalData Corrected = TestCandidates.Protected with { CitizenId = "001086000999" };

    [Fact]
    public void A_corrected_identity_that_breaks_the_limits_strikes_the_person_from_every_list()
    {
        var others = new Dictionary<string, Candidacy> { ["na"] = Assembly, ["pc"] = Province };

        var decision = CorrectCitizenId.Decide(new CorrectCitizenId("dc", "person-real", Corrected, "ubbc"), District, null, others, TestTerms.Rules, TestTerms.Now);

        Assert.Equal(["dc", "na", "pc"], decision.Events.OfType<CandidacyStruck>().Select(e => e.CandidacyId).Order());
        Assert.Equal(["p-dc.list", "p-na.list", "p-pc.list"], decision.Events.OfType<CandidateStruckFromList>().Select(e => e.CandidateListId).Order());
        Assert.All(decision.Events.OfType<CandidacyStruck>(), e => Assert.Equal(Eligibility.MultipleCandidacy, e.RuleId));
        Assert.Contains(new PersonCandidacyRegistered("person-real", "dc", "p-dc", CouncilKind.DistrictCouncil, TestTerms.Now), decision.Events);
    }

    [Fact]
    public void A_correction_within_the_limits_only_moves_the_candidacy_to_the_person()
    {
        var decision = CorrectCitizenId.Decide(new CorrectCitizenId("dc", "person-real", Corrected, "ubbc"), District, null,
            new Dictionary<string, Candidacy> { ["pc"] = Province }, TestTerms.Rules, TestTerms.Now);

        Assert.Empty(decision.Events.OfType<CandidacyStruck>());
        Assert.IsType<CitizenIdCorrected>(decision.Events[0]);
    }

    [Fact]
    public void The_same_identity_is_no_correction() =>
        Assert.Equal(CorrectCitizenId.SamePerson, CorrectCitizenId.Decide(new CorrectCitizenId("dc", "person-typo", TestCandidates.Protected, "ubbc"),
            District, null, new Dictionary<string, Candidacy>(), TestTerms.Rules, TestTerms.Now).Refusal?.Code);
}
