using ElectionPrep.Candidates;
using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.CandidateLists;

public class Checking_and_publishing_the_official_list
{
    private static readonly WorkflowDefinition WithPublication = Version1 with
    {
        Steps = [.. Version1.Steps, Step("published", StepKind.ListPublication, ["round-3"])],
    };

    private static readonly ConsultationProcess PublicationOpen = Given(Opened(), Activated("published"));

    private static readonly string[] Names = ["Nguyễn Văn Đức", "Trần Thị Ánh", "Lê Văn Bình", "Phạm Thị An", "Hoàng Dũng"];

    private static readonly string ListId = CandidateList.IdFor(ProcessId);

    /// <summary>One constituency dv1 of <paramref name="seats"/> seats and the first <paramref name="candidates"/> names assigned to it.</summary>
    private static Spec<CandidateList> List(int candidates, int seats = 1) =>
        Spec.List.Given([
            new ConstituenciesPublished(ListId, [new Constituency("dv1", "Đơn vị số 1", seats)], "ubbc", "QĐ-DV", TestTerms.Now),
            .. Enumerable.Range(0, candidates).SelectMany(i => new object[]
            {
                new CandidateRegistered(ListId, $"c{i}", Names[i], null, TestTerms.Now),
                new CandidateAssigned(ListId, $"c{i}", "dv1", "clerk", TestTerms.Now),
            }),
        ]);

    /// <summary>A list of two published as official.</summary>
    private static readonly Spec<CandidateList> Published = List(2).Given(new OfficialListPublished(ListId, [new OfficialListEntry("dv1", ["c1", "c0"])], "ubbc", "QĐ-DS", TestTerms.Now));

    private static ConsultationConference RoundThree(int candidates, params SpecialCase[] specialCases) =>
        Spec.Conference.Given([.. TestConferences.Ready(3)[..4],
            new RoundDecisionsRecorded(TestConferences.IdFor(3), 3, "m1", new RoundDecisions(
                Candidates: [.. Enumerable.Range(0, candidates).Select(i => new CandidateEntry($"c{i}", Names[i]))], SpecialCases: specialCases), "clerk", TestTerms.Now),
            TestConferences.SignedMinutes(3)]).State!;

    private static Dictionary<string, Candidacy> Candidacies(int count, params string[] distrusted) =>
        Enumerable.Range(0, count).ToDictionary(i => $"c{i}", i =>
        {
            var filed = TestCandidates.Filed($"c{i}", Names[i]);
            return (distrusted.Contains($"c{i}")
                ? filed.Given(new VoterConferenceRecorded($"c{i}", VoterConferenceKind.Residence, new DateOnly(2021, 4, 1), 100, 80, 30, 50, [], "BB", true, "clerk", TestTerms.Now))
                : filed).State!;
        });

    private static Func<CandidateList, Decision> Publishes(ConsultationConference? roundThree, Dictionary<string, Candidacy> candidacies, IReadOnlyList<Quotas.QuotaResult>? quota = null) =>
        list => PublishOfficialList.Decide(new PublishOfficialList(ProcessId, "QĐ-DS", "ubbc", ActorRole.Clerk), list,
            new PublishOfficialListInputs(PublicationOpen, WithPublication, roundThree, candidacies, TestTerms.Rules, Quota: quota ?? []), TestTerms.Now);

    /// <summary>The women's rule evaluated on a list of three with one woman (33%), in the given scope.</summary>
    private static IReadOnlyList<Quotas.QuotaResult> OneWomanInThree(Quotas.QuotaScope scope) =>
        Quotas.QuotaEvaluation.Evaluate(Quotas.QuotaRules.Set(Quotas.QuotaRules.Share(Quotas.CandidateAttributes.Woman, "35%", scope: scope)),
            Quotas.QuotaRules.People(1, 3), Quotas.Evaluating_quotas.OfficialList);

    [Fact]
    public void A_provincial_list_below_the_national_share_of_women_is_published() =>
        List(3).When(Publishes(RoundThree(3), Candidacies(3), OneWomanInThree(Quotas.QuotaScope.NationalList))).Then<OfficialListPublished>();

    [Fact]
    public void A_list_below_its_own_share_of_women_is_not_published() =>
        List(3).When(Publishes(RoundThree(3), Candidacies(3), OneWomanInThree(Quotas.QuotaScope.Whole))).ThenRefused(PublishOfficialList.QuotaRequirementFailed);

    private static Func<CandidateList, Decision> Leaves(string candidacyId, string? ground = null, string reference = "QĐ") =>
        list => LeaveOfficialList.Decide(new LeaveOfficialList(ProcessId, candidacyId, ground, "Ủy ban bầu cử", reference, "clerk"), list, TestTerms.Now);

    private static Func<CandidateList, Decision> Assigns(string candidacyId, string constituencyId) =>
        list => AssignConstituency.Decide(new AssignConstituency(ProcessId, candidacyId, constituencyId, "clerk"), list, TestTerms.Now);

    [Theory]
    [InlineData(CouncilKind.CommuneCouncil, 1, 2)]
    [InlineData(CouncilKind.CommuneCouncil, 2, 3)]
    [InlineData(CouncilKind.CommuneCouncil, 3, 5)]
    [InlineData(CouncilKind.CommuneCouncil, 4, 7)]
    [InlineData(CouncilKind.CommuneCouncil, 5, 8)]
    [InlineData(CouncilKind.NationalAssemblyProvincial, 1, 3)]
    [InlineData(CouncilKind.NationalAssemblyProvincial, 3, 5)]
    public void Each_constituency_needs_more_candidates_than_seats_as_the_law_counts(CouncilKind council, int seats, int required) =>
        Assert.Equal(required, ListRules.MinimumCandidates(seats, council, TestTerms.Rules).Required);

    [Fact]
    public void A_one_seat_council_constituency_with_one_candidate_is_not_published()
    {
        var refusal = List(1).When(Publishes(RoundThree(1), Candidacies(1))).ThenRefused(PublishOfficialList.ListRulesFailed);

        Assert.Contains("1 candidates for 1 seats, at least 2 required", refusal.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_seat_council_constituency_with_two_candidates_is_published() =>
        List(2).When(Publishes(RoundThree(2), Candidacies(2))).Then<OfficialListPublished>();

    [Fact]
    public void A_two_seat_council_constituency_with_two_candidates_is_not_published() =>
        List(2, seats: 2).When(Publishes(RoundThree(2), Candidacies(2))).ThenRefused(PublishOfficialList.ListRulesFailed);

    [Fact]
    public void A_two_seat_council_constituency_with_three_candidates_is_published() =>
        List(3, seats: 2).When(Publishes(RoundThree(3), Candidacies(3))).Then<OfficialListPublished>();

    [Fact]
    public void The_official_list_orders_each_constituency_by_given_name_in_Vietnamese()
    {
        var published = List(5, seats: 3).When(Publishes(RoundThree(5), Candidacies(5))).Then<OfficialListPublished>();

        // An < Ánh < Bình < Dũng < Đức: given names, with Vietnamese letters in their own places.
        Assert.Equal(["c3", "c1", "c2", "c4", "c0"], published.Constituencies.Single().CandidacyIds);
    }

    [Fact]
    public void A_distrusted_candidate_without_a_special_case_is_not_published() =>
        List(2).When(Publishes(RoundThree(2), Candidacies(2, "c1"))).ThenRefused(ListRefusals.DistrustedWithoutSpecialCase);

    [Fact]
    public void A_distrusted_candidate_is_published_as_a_special_case_decided_by_round_three() =>
        List(2).When(Publishes(RoundThree(2, new SpecialCase("c1", "Cử tri phản ánh không đúng sự thật")), Candidacies(2, "c1"))).Then<OfficialListPublished>();

    [Fact]
    public void There_is_no_official_list_before_round_three_has_signed_its_qualified_list() =>
        List(2).When(Publishes(null, Candidacies(2))).ThenRefused(PublishOfficialList.NoQualifiedList);

    [Fact]
    public void Every_qualified_candidate_must_stand_in_a_constituency() =>
        List(2).Given(new CandidateRegistered(ListId, "c2", Names[2], null, TestTerms.Now))
            .When(Publishes(RoundThree(3), Candidacies(3))).ThenRefused(PublishOfficialList.Unassigned);

    [Fact]
    public void A_seat_limit_above_the_law_is_refused() =>
        Spec.List.When(list => PublishConstituencies.Decide(new PublishConstituencies(ProcessId, [new Constituency("dv1", "Số 1", 6)], "QĐ", "ubbc"), list,
            CouncilKind.CommuneCouncil, TestTerms.Rules, TestTerms.Now)).ThenRefused(PublishConstituencies.TooManySeats);

    [Fact]
    public void After_publication_a_candidate_is_removed_by_decision() =>
        Published.When(Leaves("c0", ground: "Bị khởi tố bị can", reference: "QĐ-XT-1")).Then<CandidateRemoved>();

    [Fact]
    public void A_removal_leaves_the_constituency_flagged_short()
    {
        var after = Published.When(Leaves("c0", ground: "Bị khởi tố bị can", reference: "QĐ-XT-1")).ThenState();

        var shortfall = Assert.Single(ListRules.Shortfalls(after.Constituencies, id => after.Standing.Count(e => e.ConstituencyId == id), CouncilKind.CommuneCouncil, TestTerms.Rules));
        Assert.Equal(("dv1", 1, 2), (shortfall.ConstituencyId, shortfall.Candidates, shortfall.Required));
    }

    [Fact]
    public void After_publication_a_candidate_withdraws_by_decision() =>
        Published.When(Leaves("c1", reference: "QĐ-RUT-1")).Then<CandidateWithdrawn>();

    [Fact]
    public void A_removed_candidate_does_not_leave_again() =>
        Published.Given(new CandidateRemoved(ListId, "c0", "Bị khởi tố bị can", "Ủy ban bầu cử", "QĐ-XT-1", "clerk", TestTerms.Now))
            .When(Leaves("c0")).ThenRefused(ListRefusals.CandidateNotStanding);

    [Fact]
    public void Before_publication_no_one_leaves_the_official_list() =>
        List(2).When(Leaves("c0")).ThenRefused(ListRefusals.ListNotOfficial);

    [Fact]
    public void After_publication_no_one_is_assigned() =>
        Published.When(Assigns("c0", "dv1")).ThenRefused(ListRefusals.ListIsOfficial);

    [Fact]
    public void No_one_is_assigned_to_an_unknown_constituency() =>
        List(2).When(Assigns("c0", "dv9")).ThenRefused(ListRefusals.UnknownConstituency);

    [Fact]
    public void An_unknown_candidate_is_not_assigned() =>
        List(2).When(Assigns("c9", "dv1")).ThenRefused(ListRefusals.UnknownCandidate);

    private static Func<CandidateList, Decision> Overrides(string minutes) =>
        list => RecordQuotaOverride.Decide(new RecordQuotaOverride(ProcessId, "women", "Không đủ người nữ đủ tiêu chuẩn", minutes, "chair", ActorRole.CommitteeChair), list,
            new Quotas.RuleSet("commune-council", 1, CouncilKind.CommuneCouncil, new DateOnly(2021, 1, 11), [Quotas.Evaluating_quotas.Women()]), TestTerms.Now);

    /// <summary>A list of two whose shortfall of women the round 3 conference accepted, minutes BB-3.</summary>
    private static readonly Spec<CandidateList> Overridden =
        List(2).Given(new QuotaOverrideRecorded(ListId, "women", "Không đủ người nữ đủ tiêu chuẩn", "BB-3", "chair", TestTerms.Now));

    [Fact]
    public void An_override_is_recorded_with_its_minutes() =>
        List(2).When(Overrides("BB-3")).Then(new QuotaOverrideRecorded(ListId, "women", "Không đủ người nữ đủ tiêu chuẩn", "BB-3", "chair", TestTerms.Now));

    [Fact]
    public void The_same_override_recorded_again_is_refused() =>
        Overridden.When(Overrides("BB-3")).ThenRefused(RecordQuotaOverride.AlreadyOverridden);

    [Fact]
    public void An_override_of_the_same_rule_by_later_minutes_is_recorded() =>
        Overridden.When(Overrides("BB-3b")).Then<QuotaOverrideRecorded>();
}

public class Recording_the_elected
{
    private static readonly string ListId = CandidateList.IdFor(ProcessId);

    /// <summary>One seat in dv1 and two candidates, the list still being prepared.</summary>
    private static readonly Spec<CandidateList> Prepared = Spec.List.Given(
        new ConstituenciesPublished(ListId, [new Constituency("dv1", "Số 1", 1)], "ubbc", "QĐ", TestTerms.Now),
        new CandidateRegistered(ListId, "c0", "c0", null, TestTerms.Now),
        new CandidateRegistered(ListId, "c1", "c1", null, TestTerms.Now));

    private static readonly Spec<CandidateList> Published = Prepared.Given(new OfficialListPublished(ListId, [new OfficialListEntry("dv1", ["c0", "c1"])], "ubbc", "NQ", TestTerms.Now));

    private static Func<CandidateList, Decision> Records(params string[] elected) =>
        list => RecordElectionResults.Decide(new RecordElectionResults(ProcessId, elected, "NQ-KQ", "ubbc"), list, TestTerms.Now);

    [Fact]
    public void The_elected_come_from_the_official_list() =>
        Assert.Equal(["c1"], Published.When(Records("c1")).ThenState().Elected);

    [Fact]
    public void The_results_are_recorded_once() =>
        Published.Given(new ElectionResultsRecorded(ListId, ["c1"], "NQ-KQ", "ubbc", TestTerms.Now)).When(Records("c0")).ThenRefused(RecordElectionResults.ResultsRecorded);

    [Fact]
    public void No_more_are_elected_than_the_seats() =>
        Published.When(Records("c0", "c1")).ThenRefused(RecordElectionResults.MoreThanSeats);

    [Fact]
    public void No_one_off_the_official_list_is_elected() =>
        Published.When(Records("c9")).ThenRefused(RecordElectionResults.NotOnOfficialList);

    [Fact]
    public void There_are_no_results_without_an_official_list() =>
        Prepared.When(Records("c0")).ThenRefused(ListRefusals.ListNotOfficial);
}
