using ElectionPrep.Candidates;
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

    private static CandidateList List(int candidates, int seats = 1, params (string Id, string Constituency)[] assignments)
    {
        var list = CandidateList.Empty(ProcessId);
        list = CandidateList.Evolve(list, new ConstituenciesPublished(list.Id, [new Constituency("dv1", "Đơn vị số 1", seats)], "ubbc", "QĐ-DV", TestTerms.Now))!;
        for (var i = 0; i < candidates; i++)
        {
            list = CandidateList.Evolve(list, new CandidateRegistered(list.Id, $"c{i}", Names[i], null, TestTerms.Now))!;
            list = CandidateList.Evolve(list, new CandidateAssigned(list.Id, $"c{i}", "dv1", "clerk", TestTerms.Now))!;
        }

        return list;
    }

    private static ConsultationConference RoundThree(int candidates, params SpecialCase[] specialCases) =>
        TestConferences.Conference([.. TestConferences.Ready(3)[..4],
            new RoundDecisionsRecorded(TestConferences.IdFor(3), 3, "m1", new RoundDecisions(
                Candidates: [.. Enumerable.Range(0, candidates).Select(i => new CandidateEntry($"c{i}", Names[i]))], SpecialCases: specialCases), "clerk", TestTerms.Now),
            new MinutesSigned(TestConferences.IdFor(3), ProcessId, 3, "BB-3", "chair", ActorRole.CommitteeChair, TestTerms.Now)]);

    private static Dictionary<string, Candidacy> Candidacies(int count, params string[] distrusted) =>
        Enumerable.Range(0, count).ToDictionary(i => $"c{i}", i =>
        {
            var candidacy = Candidacy.Evolve(null, new CandidacyFiled($"c{i}", ProcessId, CouncilKind.CommuneCouncil, $"person-{i}",
                TestCandidates.Dossier(Names[i]), TestCandidates.Protected, "clerk", TestTerms.Now))!;
            return distrusted.Contains($"c{i}")
                ? Candidacy.Evolve(candidacy, new VoterConferenceRecorded($"c{i}", VoterConferenceKind.Residence, new DateOnly(2021, 4, 1), 100, 80, 30, 50, [], "BB", true, "clerk", TestTerms.Now))!
                : candidacy;
        });

    private static Common.Decision Publish(CandidateList list, ConsultationConference? roundThree, Dictionary<string, Candidacy> candidacies) =>
        PublishOfficialList.Decide(new PublishOfficialList(ProcessId, "QĐ-DS", "ubbc", ActorRole.Clerk), list,
            new PublishOfficialListInputs(PublicationOpen, WithPublication, roundThree, candidacies, TestTerms.Rules, Quota: []), TestTerms.Now);

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
    public void A_one_seat_council_constituency_needs_two_candidates()
    {
        var refusal = Publish(List(1), RoundThree(1), Candidacies(1)).Refusal!;

        Assert.Equal(PublishOfficialList.ListRulesFailed, refusal.Code);
        Assert.Contains("1 candidates for 1 seats, at least 2 required", refusal.Detail.En, StringComparison.Ordinal);
        Assert.False(Publish(List(2), RoundThree(2), Candidacies(2)).IsRefused);
    }

    [Fact]
    public void A_two_seat_council_constituency_needs_three_candidates()
    {
        Assert.Equal(PublishOfficialList.ListRulesFailed, Publish(List(2, seats: 2), RoundThree(2), Candidacies(2)).Refusal?.Code);
        Assert.False(Publish(List(3, seats: 2), RoundThree(3), Candidacies(3)).IsRefused);
    }

    [Fact]
    public void The_official_list_orders_each_constituency_by_given_name_in_Vietnamese()
    {
        var published = Assert.IsType<OfficialListPublished>(Assert.Single(Publish(List(5, seats: 3), RoundThree(5), Candidacies(5)).Events));

        // An < Ánh < Bình < Dũng < Đức: given names, with Vietnamese letters in their own places.
        Assert.Equal(["c3", "c1", "c2", "c4", "c0"], published.Constituencies.Single().CandidacyIds);
    }

    [Fact]
    public void A_distrusted_candidate_needs_a_special_case_decided_by_round_three()
    {
        Assert.Equal(ListRefusals.DistrustedWithoutSpecialCase, Publish(List(2), RoundThree(2), Candidacies(2, "c1")).Refusal?.Code);
        Assert.False(Publish(List(2), RoundThree(2, new SpecialCase("c1", "Cử tri phản ánh không đúng sự thật")), Candidacies(2, "c1")).IsRefused);
    }

    [Fact]
    public void There_is_no_official_list_before_round_three_has_signed_its_qualified_list() =>
        Assert.Equal(PublishOfficialList.NoQualifiedList, Publish(List(2), null, Candidacies(2)).Refusal?.Code);

    [Fact]
    public void Every_qualified_candidate_must_stand_in_a_constituency()
    {
        var list = CandidateList.Evolve(List(2), new CandidateRegistered(CandidateList.IdFor(ProcessId), "c2", Names[2], null, TestTerms.Now))!;

        Assert.Equal(PublishOfficialList.Unassigned, Publish(list, RoundThree(3), Candidacies(3)).Refusal?.Code);
    }

    [Fact]
    public void A_seat_limit_above_the_law_is_refused()
    {
        var decision = PublishConstituencies.Decide(new PublishConstituencies(ProcessId, [new Constituency("dv1", "Số 1", 6)], "QĐ", "ubbc"), null,
            CouncilKind.CommuneCouncil, TestTerms.Rules, TestTerms.Now);

        Assert.Equal(PublishConstituencies.TooManySeats, decision.Refusal?.Code);
    }

    [Fact]
    public void After_publication_a_removal_or_withdrawal_by_decision_leaves_the_constituency_flagged_short()
    {
        var published = CandidateList.Evolve(List(2), Publish(List(2), RoundThree(2), Candidacies(2)).Events[0])!;

        var removal = LeaveOfficialList.Decide(new LeaveOfficialList(ProcessId, "c0", "Bị khởi tố bị can", "Ủy ban bầu cử", "QĐ-XT-1", "clerk"), published, TestTerms.Now);
        var after = CandidateList.Evolve(published, removal.Events[0])!;
        var shortfalls = ListRules.Shortfalls(after.Constituencies, id => after.Standing.Count(e => e.ConstituencyId == id), CouncilKind.CommuneCouncil, TestTerms.Rules);

        Assert.IsType<CandidateRemoved>(removal.Events[0]);
        Assert.Equal(("dv1", 1, 2), (shortfalls.Single().ConstituencyId, shortfalls.Single().Candidates, shortfalls.Single().Required));
        Assert.IsType<CandidateWithdrawn>(LeaveOfficialList.Decide(new LeaveOfficialList(ProcessId, "c1", null, "Ủy ban bầu cử", "QĐ-RUT-1", "clerk"), after, TestTerms.Now).Events[0]);
        Assert.Equal(ListRefusals.CandidateNotStanding, LeaveOfficialList.Decide(new LeaveOfficialList(ProcessId, "c0", null, "UBBC", "QĐ", "clerk"), after, TestTerms.Now).Refusal?.Code);
    }

    [Fact]
    public void Before_publication_no_one_leaves_the_official_list_and_after_it_no_one_is_assigned()
    {
        var published = CandidateList.Evolve(List(2), Publish(List(2), RoundThree(2), Candidacies(2)).Events[0])!;

        Assert.Equal(ListRefusals.ListNotOfficial, LeaveOfficialList.Decide(new LeaveOfficialList(ProcessId, "c0", null, "UBBC", "QĐ", "clerk"), List(2), TestTerms.Now).Refusal?.Code);
        Assert.Equal(ListRefusals.ListIsOfficial, AssignConstituency.Decide(new AssignConstituency(ProcessId, "c0", "dv1", "clerk"), published, TestTerms.Now).Refusal?.Code);
        Assert.Equal(ListRefusals.UnknownConstituency, AssignConstituency.Decide(new AssignConstituency(ProcessId, "c0", "dv9", "clerk"), List(2), TestTerms.Now).Refusal?.Code);
        Assert.Equal(ListRefusals.UnknownCandidate, AssignConstituency.Decide(new AssignConstituency(ProcessId, "c9", "dv1", "clerk"), List(2), TestTerms.Now).Refusal?.Code);
    }

    private static Common.Decision Override(CandidateList list, string minutes) =>
        RecordQuotaOverride.Decide(new RecordQuotaOverride(ProcessId, "women", "Không đủ người nữ đủ tiêu chuẩn", minutes, "chair", ActorRole.CommitteeChair), list,
            new Quotas.RuleSet("commune-council", 1, CouncilKind.CommuneCouncil, new DateOnly(2021, 1, 11), [Quotas.Evaluating_quotas.Women()]), TestTerms.Now);

    /// <summary>A list of two whose shortfall of women the round 3 conference accepted, minutes BB-3.</summary>
    private static CandidateList Overridden()
    {
        var list = List(2);
        return CandidateList.Evolve(list, Override(list, "BB-3").Events.Single())!;
    }

    [Fact]
    public void The_same_override_recorded_again_is_refused() =>
        Assert.Equal(RecordQuotaOverride.AlreadyOverridden, Override(Overridden(), "BB-3").Refusal?.Code);

    [Fact]
    public void An_override_of_the_same_rule_by_later_minutes_is_recorded() =>
        Assert.IsType<QuotaOverrideRecorded>(Assert.Single(Override(Overridden(), "BB-3b").Events));
}

public class Recording_the_elected
{
    private static CandidateList Published()
    {
        var list = CandidateList.Empty(TestWorkflows.ProcessId);
        list = CandidateList.Evolve(list, new ConstituenciesPublished(list.Id, [new Constituency("dv1", "Số 1", 1)], "ubbc", "QĐ", TestTerms.Now))!;
        foreach (var id in new[] { "c0", "c1" }) list = CandidateList.Evolve(list, new CandidateRegistered(list.Id, id, id, null, TestTerms.Now))!;
        return CandidateList.Evolve(list, new OfficialListPublished(list.Id, [new OfficialListEntry("dv1", ["c0", "c1"])], "ubbc", "NQ", TestTerms.Now))!;
    }

    private static Common.Decision Record(CandidateList list, params string[] elected) =>
        RecordElectionResults.Decide(new RecordElectionResults(TestWorkflows.ProcessId, elected, "NQ-KQ", "ubbc"), list, TestTerms.Now);

    [Fact]
    public void The_elected_come_from_the_official_list_within_the_seats_once()
    {
        var recorded = Record(Published(), "c1");
        var after = CandidateList.Evolve(Published(), recorded.Events[0])!;

        Assert.Equal(["c1"], after.Elected);
        Assert.Equal(RecordElectionResults.ResultsRecorded, Record(after, "c0").Refusal?.Code);
        Assert.Equal(RecordElectionResults.MoreThanSeats, Record(Published(), "c0", "c1").Refusal?.Code);
        Assert.Equal(RecordElectionResults.NotOnOfficialList, Record(Published(), "c9").Refusal?.Code);
        Assert.Equal(ListRefusals.ListNotOfficial, Record(CandidateList.Empty(TestWorkflows.ProcessId), "c0").Refusal?.Code);
    }
}
