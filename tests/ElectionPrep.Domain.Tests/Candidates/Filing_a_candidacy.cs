using ElectionPrep.CandidateLists;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.Candidates;

public class Filing_a_candidacy
{
    private static readonly DateTimeOffset Due = new(2021, 3, 14, 17, 0, 0, TimeSpan.FromHours(7));

    private static readonly WorkflowDefinition WithDossiers = Version1 with
    {
        Steps = [.. Version1.Steps, Step("dossiers", StepKind.DossierWindow, ["round-1"], "dossiers-filed")],
    };

    private static readonly ConsultationProcess DossiersOpen = Given(Opened() with { Council = CouncilKind.DistrictCouncil }, Activated("dossiers", Due));

    private static readonly FileCandidacy.Context Context = new(TestCandidates.ElectionDay, TestTerms.Rules,
        [new NominationAllocation("Hội Liên hiệp Phụ nữ", 1)], TestCandidates.InBacKanCity, TestCandidates.InBacKanCity);

    private static FileCandidacy File(string id = "c1", string? nominatedBy = "Hội Liên hiệp Phụ nữ", string person = "person-1") =>
        new(id, ProcessId, person, TestCandidates.Dossier(nominatedBy: nominatedBy), TestCandidates.Protected, "clerk", ActorRole.Clerk);

    private static Common.Decision Decide(FileCandidacy command, CandidateList? list = null, Person? person = null, DateTimeOffset? now = null) =>
        FileCandidacy.Decide(command, DossiersOpen, WithDossiers, list, person, Context, now ?? Due.AddHours(-1));

    [Fact]
    public void A_filing_opens_the_candidacy_registers_it_with_the_person_and_puts_it_on_the_list()
    {
        var decision = Decide(File());

        Assert.Collection(decision.Events,
            e => Assert.Equal(("c1", "person-1"), (((CandidacyFiled)e).CandidacyId, ((CandidacyFiled)e).PersonId)),
            e => Assert.Equal(new PersonCandidacyRegistered("person-1", "c1", ProcessId, CouncilKind.DistrictCouncil, Due.AddHours(-1)), e),
            e =>
            {
                var registered = Assert.IsType<CandidateRegistered>(e);
                Assert.Equal(new CandidateRegistered(CandidateList.IdFor(ProcessId), "c1", "Nguyễn Thị Lan", "Hội Liên hiệp Phụ nữ", Due.AddHours(-1)), registered with { Attributes = null });
                Assert.Equal(["ethnic-minority", "lives-and-works-in-province", "non-party", "woman", "young"], registered.Attributes);
            });
    }

    [Fact]
    public void A_dossier_after_five_in_the_afternoon_of_the_deadline_is_refused()
    {
        Assert.False(Decide(File(), now: Due).IsRefused);
        Assert.Equal(FileCandidacy.DeadlinePassed, Decide(File(), now: Due.AddSeconds(1)).Refusal?.Code);
    }

    [Fact]
    public void A_body_cannot_nominate_beyond_its_allocation_but_self_nominees_file_directly()
    {
        var list = CandidateList.Evolve(null, Decide(File()).Events[2]);

        Assert.Equal(FileCandidacy.AllocationExceeded, Decide(File("c2", person: "person-2"), list).Refusal?.Code);
        Assert.False(Decide(File("c2", nominatedBy: null, person: "person-2"), list).IsRefused);
    }

    [Fact]
    public void A_body_without_an_allocation_cannot_nominate() =>
        Assert.Equal(FileCandidacy.NoAllocation, Decide(File(nominatedBy: "Hội Nông dân")).Refusal?.Code);

    [Fact]
    public void An_ineligible_person_is_refused_with_the_rule_and_its_basis()
    {
        var person = Person.Evolve(null, new PersonCandidacyRegistered("person-1", "na", "p-na", CouncilKind.NationalAssemblyProvincial, TestTerms.Now));
        person = Person.Evolve(person, new PersonCandidacyRegistered("person-1", "cc", "p-cc", CouncilKind.CommuneCouncil, TestTerms.Now));

        var refusal = Decide(File(), person: person).Refusal!;

        Assert.Equal(FileCandidacy.Ineligible, refusal.Code);
        Assert.Contains("[multiple-candidacy: Luật 85/2015/QH13, Điều 36]", refusal.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Dossiers_are_filed_only_while_their_step_is_open() =>
        Assert.Equal(CompleteStep.StepNotOpen, FileCandidacy.Decide(File(), Given(Opened()), WithDossiers, null, null, Context, Due.AddDays(-1)).Refusal?.Code);
}
