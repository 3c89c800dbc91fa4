using ElectionPrep.CandidateLists;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.Candidates;

public class Filing_a_candidacy
{
    private static readonly DateTimeOffset Due = DossierWindow.Due;

    private static FileCandidacy File(string id = "c1", string? nominatedBy = "Hội Liên hiệp Phụ nữ", string person = "person-1") =>
        new(id, ProcessId, person, TestCandidates.Dossier(nominatedBy: nominatedBy), TestCandidates.Protected, "clerk", ActorRole.Clerk);

    private static Common.Decision Decide(FileCandidacy command, CandidateList? list = null, Person? person = null, DateTimeOffset? now = null) =>
        FileCandidacy.Decide(command, DossierWindow.Open, DossierWindow.Definition, list, person, DossierWindow.Context, now ?? Due.AddHours(-1));

    private static readonly Spec<CandidateList> NoOneListed = Spec.List;

    [Fact]
    public void A_filing_opens_the_candidacy()
    {
        var filed = Assert.IsType<CandidacyFiled>(NoOneListed.When(list => Decide(File(), list)).ThenAccepted()[0]);

        Assert.Equal(("c1", "person-1"), (filed.CandidacyId, filed.PersonId));
    }

    [Fact]
    public void A_filing_registers_the_candidacy_with_the_person() =>
        Assert.Equal(new PersonCandidacyRegistered("person-1", "c1", ProcessId, CouncilKind.DistrictCouncil, Due.AddHours(-1)),
            NoOneListed.When(list => Decide(File(), list)).ThenAccepted()[1]);

    [Fact]
    public void A_filing_puts_the_candidate_on_the_list_with_their_attributes()
    {
        var events = NoOneListed.When(list => Decide(File(), list)).ThenAccepted();

        Assert.Equal(3, events.Count);
        var registered = Assert.IsType<CandidateRegistered>(events[2]);
        Assert.Equal(new CandidateRegistered(CandidateList.IdFor(ProcessId), "c1", "Nguyễn Thị Lan", "Hội Liên hiệp Phụ nữ", Due.AddHours(-1)), registered with { Attributes = null });
        Assert.Equal(["ethnic-minority", "lives-and-works-in-province", "non-party", "woman", "young"], registered.Attributes);
    }

    [Fact]
    public void A_dossier_at_five_in_the_afternoon_of_the_deadline_is_filed() =>
        NoOneListed.When(list => Decide(File(), list, now: Due)).ThenAccepted();

    [Fact]
    public void A_dossier_after_five_in_the_afternoon_of_the_deadline_is_refused() =>
        NoOneListed.When(list => Decide(File(), list, now: Due.AddSeconds(1))).ThenRefused(FileCandidacy.DeadlinePassed);

    /// <summary>The women's union's one nominee, Lan, is on the list.</summary>
    private static readonly Spec<CandidateList> AllocationUsed =
        Spec.List.Given(new CandidateRegistered(CandidateList.IdFor(ProcessId), "c1", "Nguyễn Thị Lan", "Hội Liên hiệp Phụ nữ", Due.AddHours(-1)));

    [Fact]
    public void A_body_cannot_nominate_beyond_its_allocation() =>
        AllocationUsed.When(list => Decide(File("c2", person: "person-2"), list)).ThenRefused(FileCandidacy.AllocationExceeded);

    [Fact]
    public void Self_nominees_file_directly_whatever_the_allocations() =>
        AllocationUsed.When(list => Decide(File("c2", nominatedBy: null, person: "person-2"), list)).ThenAccepted();

    [Fact]
    public void A_body_without_an_allocation_cannot_nominate() =>
        NoOneListed.When(list => Decide(File(nominatedBy: "Hội Nông dân"), list)).ThenRefused(FileCandidacy.NoAllocation);

    [Fact]
    public void An_ineligible_person_is_refused_on_the_citizen_id_with_the_law_in_words()
    {
        var standingTwice = Spec.Person.Given(
            new PersonCandidacyRegistered("person-1", "na", "p-na", CouncilKind.NationalAssemblyProvincial, TestTerms.Now),
            new PersonCandidacyRegistered("person-1", "cc", "p-cc", CouncilKind.CommuneCouncil, TestTerms.Now));

        var refusal = standingTwice.When(person => Decide(File(), person: person)).ThenRefused(FileCandidacy.Ineligible);

        var field = Assert.Single(refusal.Fields!);
        Assert.Equal(nameof(ProtectedPersonalData.CitizenId), field.Field);
        Assert.EndsWith("(Luật 85/2015/QH13, Điều 36).", field.Problem.Vi, StringComparison.Ordinal);
        Assert.DoesNotContain(Eligibility.MultipleCandidacy, refusal.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Dossiers_are_filed_only_while_their_step_is_open() =>
        Spec.Process.Given(Opened()).When(process => FileCandidacy.Decide(File(), process, DossierWindow.Definition, null, null, DossierWindow.Context, Due.AddDays(-1)))
            .ThenRefused(CompleteStep.StepNotOpen);
}
