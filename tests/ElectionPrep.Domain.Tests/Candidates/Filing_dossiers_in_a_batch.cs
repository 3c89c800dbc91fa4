using ElectionPrep.CandidateLists;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.Candidates;

/// <summary>A commune's spreadsheet of dossiers for a district council whose women's union was allocated one nominee.</summary>
public class Filing_dossiers_in_a_batch
{
    private const string Women = DossierWindow.Women;

    private static readonly DateTimeOffset Due = DossierWindow.Due;

    private static FileCandidacy Row(string id, string person, string? nominatedBy = null, string fullName = "Nguyễn Thị Lan") =>
        new(id, ProcessId, person, TestCandidates.Dossier(fullName, nominatedBy: nominatedBy), TestCandidates.Protected, "clerk", ActorRole.Clerk);

    private static Common.Decision Decide(IReadOnlyDictionary<string, Person>? people = null, params FileCandidacy[] rows) =>
        FileCandidacies.Decide(new FileCandidacies(ProcessId, rows), DossierWindow.Open, DossierWindow.Definition, null, people ?? new Dictionary<string, Person>(), DossierWindow.Context,
            Due.AddHours(-1));

    [Fact]
    public void Every_row_is_filed_as_its_own_filing_would_be()
    {
        var events = Spec.List.When(_ => Decide(null, Row("c1", "person-1", Women), Row("c2", "person-2"), Row("c3", "person-3"))).ThenAccepted();

        Assert.Equal(["c1", "c2", "c3"], events.OfType<CandidacyFiled>().Select(filed => filed.CandidacyId));
        Assert.Equal(["c1", "c2", "c3"], events.OfType<CandidateRegistered>().Select(registered => registered.CandidacyId));
        Assert.Equal(3, events.OfType<PersonCandidacyRegistered>().Count());
    }

    [Fact]
    public void A_body_nominating_past_its_allocation_within_the_batch_refuses_the_batch_at_that_row()
    {
        var refusal = Spec.List.When(_ => Decide(null, Row("c1", "person-1", Women), Row("c2", "person-2", Women, "Lê Thị Hoa"))).ThenRefused(FileCandidacies.RowsRefused);

        var row = Assert.Single(refusal.Items!);
        Assert.Equal((2, "Lê Thị Hoa", FileCandidacy.AllocationExceeded), (row.Position, row.Label, row.Refusal.Code));
    }

    [Fact]
    public void One_person_in_two_rows_for_the_same_council_is_refused_at_the_second_row()
    {
        var refusal = Spec.List.When(_ => Decide(null, Row("c1", "person-1"), Row("c2", "person-1"))).ThenRefused(FileCandidacies.RowsRefused);

        var row = Assert.Single(refusal.Items!);
        Assert.Equal((2, FileCandidacy.Ineligible), (row.Position, row.Refusal.Code));
    }

    [Fact]
    public void A_person_already_standing_twice_is_refused_in_the_batch_as_alone()
    {
        var standingTwice = Spec.Person.Given(
            new PersonCandidacyRegistered("person-2", "na", "p-na", CouncilKind.NationalAssemblyProvincial, TestTerms.Now),
            new PersonCandidacyRegistered("person-2", "cc", "p-cc", CouncilKind.CommuneCouncil, TestTerms.Now)).State!;

        var refusal = Spec.List.When(_ => Decide(new Dictionary<string, Person> { ["person-2"] = standingTwice }, Row("c1", "person-1"), Row("c2", "person-2")))
            .ThenRefused(FileCandidacies.RowsRefused);

        Assert.Equal([2], refusal.Items!.Select(item => item.Position));
    }

    [Fact]
    public void Every_refused_row_is_named_in_the_refusal()
    {
        var refusal = Spec.List.When(_ => Decide(null, Row("c1", "person-1", "Hội Nông dân"), Row("c2", "person-2"), Row("c3", "person-1", "Hội Nông dân")))
            .ThenRefused(FileCandidacies.RowsRefused);

        Assert.Equal([1, 3], refusal.Items!.Select(item => item.Position));
        Assert.Contains("rows 1, 3", refusal.Detail.En, StringComparison.Ordinal);
    }
}
