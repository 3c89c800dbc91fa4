using ElectionPrep.CandidateLists;
using ElectionPrep.Common;
using ElectionPrep.Workflows;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.Candidates;

/// <summary>One residence voter conference (1 April 2021, minutes BB-CT-1, 90 of 120 present) heard about Lan and Ánh.</summary>
public class Hearing_the_voters_at_one_conference
{
    private static readonly Dictionary<string, Candidacy> LanAndAnh = new()
    {
        ["c1"] = TestCandidates.Filed("c1").State!,
        ["c2"] = TestCandidates.Filed("c2", "Trần Thị Ánh").State!,
    };

    private static Decision Records(IReadOnlyDictionary<string, Candidacy> candidacies, params CandidateVotes[] results) =>
        RecordVoterConferences.Decide(
            new RecordVoterConferences(ProcessId, VoterConferenceKind.Residence, new DateOnly(2021, 4, 1), 120, 90, ["A", "B", "C"], "BB-CT-1", results, "clerk",
                ActorRole.Clerk),
            candidacies, VotersOpen, WithVoterConferences, TestTerms.Rules, TestTerms.Now);

    /// <summary>Refused as a batch, nothing recorded; the refusal is returned for its items.</summary>
    private static Refusal Refused(IReadOnlyDictionary<string, Candidacy> candidacies, params CandidateVotes[] results)
    {
        var decision = Records(candidacies, results);
        Assert.Empty(decision.Events);
        Assert.Equal(RecordVoterConferences.ResultsRefused, decision.Refusal?.Code);
        return decision.Refusal!;
    }

    [Fact]
    public void Each_candidate_heard_has_the_conference_recorded_with_their_own_votes()
    {
        var decision = Records(LanAndAnh, new CandidateVotes("c1", 80, 10), new CandidateVotes("c2", 30, 60));

        Assert.Equal([("c1", 80, false), ("c2", 30, true)],
            decision.Events.Cast<VoterConferenceRecorded>().Select(recorded => (recorded.CandidacyId, recorded.Trust, recorded.Distrusted)));
    }

    [Fact]
    public void More_votes_than_voters_present_refuses_the_batch_naming_that_candidate()
    {
        var item = Assert.Single(Refused(LanAndAnh, new CandidateVotes("c1", 80, 10), new CandidateVotes("c2", 80, 20)).Items!);

        Assert.Equal((2, "Trần Thị Ánh", RecordVoterConference.VotesExceedPresent), (item.Position, item.Label, item.Refusal.Code));
    }

    [Fact]
    public void The_same_candidate_twice_is_refused_the_second_time()
    {
        var item = Assert.Single(Refused(LanAndAnh, new CandidateVotes("c1", 80, 10), new CandidateVotes("c2", 70, 10), new CandidateVotes("c1", 80, 10)).Items!);

        Assert.Equal((3, RecordVoterConference.AlreadyRecorded), (item.Position, item.Refusal.Code));
    }

    [Fact]
    public void A_candidacy_of_another_process_is_refused_as_not_on_the_list()
    {
        var elsewhere = new Dictionary<string, Candidacy>(LanAndAnh) { ["c3"] = TestCandidates.Filed("c3", processId: "2021-2026.commune-council.01837").State! };

        var refusal = Refused(elsewhere, new CandidateVotes("c1", 80, 10), new CandidateVotes("c3", 80, 10));

        Assert.Equal([(2, ListRefusals.UnknownCandidate)], refusal.Items!.Select(item => (item.Position, item.Refusal.Code)));
    }

    [Fact]
    public void Every_refused_result_is_named_in_the_refusal()
    {
        var refusal = Refused(LanAndAnh, new CandidateVotes("c9", 80, 10), new CandidateVotes("c1", 80, 10), new CandidateVotes("c2", 90, 10));

        Assert.Equal([1, 3], refusal.Items!.Select(item => item.Position));
        Assert.Contains("items 1, 3", refusal.Detail.En, StringComparison.Ordinal);
    }
}
