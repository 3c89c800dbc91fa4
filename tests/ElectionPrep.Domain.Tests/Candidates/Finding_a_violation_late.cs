using ElectionPrep.CandidateLists;
using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.Candidates;

public class Finding_a_violation_late
{
    private static Spec<Candidacy> Filed(string id, string process, CouncilKind council, string person) =>
        Spec.Candidacy.Given(new CandidacyFiled(id, process, council, person, TestCandidates.Dossier(), TestCandidates.Protected, "clerk", TestTerms.Now));

    private static readonly Candidacy Assembly = Filed("na", "p-na", CouncilKind.NationalAssemblyProvincial, "person-real").State!;
    private static readonly Candidacy Province = Filed("pc", "p-pc", CouncilKind.ProvincialCouncil, "person-real").State!;
    private static readonly Spec<Candidacy> District = Filed("dc", "p-dc", CouncilKind.DistrictCouncil, "person-typo");

    private static readonly ProtectedPersonalData Corrected = TestCandidates.Protected with { CitizenId = "001086000999" };

    private static Func<Candidacy, Decision> Corrects(string personId, ProtectedPersonalData data, params Candidacy[] others) =>
        candidacy => CorrectCitizenId.Decide(new CorrectCitizenId("dc", personId, data, "ubbc"), candidacy, others.ToDictionary(other => other.Id),
            TestTerms.Rules, TestTerms.Now);

    [Fact]
    public void A_corrected_identity_that_breaks_the_limits_strikes_the_person_from_every_list()
    {
        var events = District.When(Corrects("person-real", Corrected, Assembly, Province)).ThenAccepted();

        Assert.Equal(["dc", "na", "pc"], events.OfType<CandidacyStruck>().Select(e => e.CandidacyId).Order());
        Assert.Equal(["p-dc.list", "p-na.list", "p-pc.list"], events.OfType<CandidateStruckFromList>().Select(e => e.CandidateListId).Order());
        Assert.All(events.OfType<CandidacyStruck>(), e => Assert.Equal(Eligibility.MultipleCandidacy, e.RuleId));
        Assert.Contains(new PersonCandidacyRegistered("person-real", "dc", "p-dc", CouncilKind.DistrictCouncil, TestTerms.Now), events);
    }

    [Fact]
    public void A_correction_within_the_limits_only_moves_the_candidacy_to_the_person()
    {
        var events = District.When(Corrects("person-real", Corrected, Province)).ThenAccepted();

        Assert.Empty(events.OfType<CandidacyStruck>());
        Assert.IsType<CitizenIdCorrected>(events[0]);
    }

    [Fact]
    public void The_same_identity_is_no_correction() =>
        District.When(Corrects("person-typo", TestCandidates.Protected)).ThenRefused(CorrectCitizenId.SamePerson);
}
