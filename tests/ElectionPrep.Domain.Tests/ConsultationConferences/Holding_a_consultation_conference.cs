using ElectionPrep.CandidateLists;
using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Workflows;
using static ElectionPrep.TestConferences;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.ConsultationConferences;

public class Holding_a_consultation_conference
{
    private const ActorRole Chair = ActorRole.CommitteeChair;
    private const ActorRole Clerk = ActorRole.Clerk;

    /// <summary>Round 1 is open: its structure was projected.</summary>
    private static readonly Spec<ConsultationProcess> RoundOne = Spec.Process.Given(Opened(), Activated("projected"), Completed("projected"), Activated("round-1"));

    private static readonly ConsultationProcess RoundOneOpen = RoundOne.State!;

    private static readonly Spec<ConsultationConference> ReadyToSign = Spec.Conference.Given(Ready(1));

    /// <summary>Round 1 convened, five of six present and the motion adopted, its decisions not yet recorded.</summary>
    private static readonly Spec<ConsultationConference> Voted = Spec.Conference.Given(Ready(1)[..4]);

    private static Func<ConsultationConference, Decision> Convenes(int round, WorkflowDefinition? definition = null) =>
        existing => ConveneConference.Decide(new ConveneConference(ProcessId, round, Vietnam(2021, 2, 15, 8), "Hội trường", "Chủ tịch MTTQ xã", Invitees, "chair", Chair),
            existing, RoundOneOpen, definition ?? Version1, TestTerms.Now);

    private static Func<ConsultationConference, Decision> RecordsPresent(params string[] inviteeIds) =>
        conference => RecordAttendance.Decide(new RecordAttendance(IdFor(1), inviteeIds, "clerk", Clerk), conference, RoundOneOpen, Version1, TestTerms.Now);

    private static Func<ConsultationConference, Decision> Puts(string motionId) =>
        conference => PutMotion.Decide(new PutMotion(IdFor(1), motionId, "Cơ cấu", "chair", Chair), conference, RoundOneOpen, Version1, TestTerms.Rules, TestTerms.Now);

    private static Func<ConsultationConference, Decision> Votes(string motionId, int votesFor, int votesAgainst, VotingMethod method = VotingMethod.ShowOfHands) =>
        conference => RecordVote.Decide(new RecordVote(IdFor(1), motionId, votesFor, votesAgainst, 0, method, "clerk", Clerk),
            conference, RoundOneOpen, Version1, TestTerms.Rules, TestTerms.Now);

    private static Func<ConsultationConference, Decision> RecordsDecisions(RoundDecisions decisions) =>
        conference => RecordRoundDecisions.Decide(new RecordRoundDecisions(IdFor(1), "m1", decisions, "clerk", Clerk), conference, RoundOneOpen, Version1,
            NoOneStanding, TestTerms.Rules, TestTerms.Now);

    /// <summary>Round 1 agrees the structure before anyone has filed.</summary>
    private static readonly RecordRoundDecisions.Roster NoOneStanding = new(new HashSet<string>(), new HashSet<string>(), PreliminaryList: null, PreliminaryCandidacies: []);

    private static Func<ConsultationConference, Decision> Signs(ActorRole role = Chair) =>
        conference => SignMinutes.Decide(new SignMinutes(IdFor(1), "BB-1", "chair", role), conference, RoundOneOpen, Version1, TestTerms.Rules, TestTerms.Now);

    private static MotionPut MotionOnTheStructure => new(IdFor(1), "m1", "Cơ cấu", "chair", TestTerms.Now);

    [Fact]
    public void A_round_whose_step_is_open_is_convened_with_its_invitees()
    {
        var convened = Spec.Conference.When(Convenes(1)).Then<ConferenceConvened>();

        Assert.Equal((IdFor(1), 1, 7), (convened.ConsultationConferenceId, convened.Round, convened.Invitees.Count));
    }

    [Fact]
    public void A_round_is_convened_once() =>
        Spec.Conference.Given(Convened(1)).When(Convenes(1)).ThenRefused(ConveneConference.AlreadyConvened);

    [Fact]
    public void A_later_round_cannot_be_convened_before_its_step_opens()
    {
        var refusal = Spec.Conference.When(Convenes(2)).ThenRefused(CompleteStep.StepNotOpen);

        Assert.Contains("round-1", refusal.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workflow_without_that_round_has_no_conference_to_convene()
    {
        var noRoundThree = Version1 with { Steps = Version1.Steps.Where(step => step.Round != 3).ToList() };

        Spec.Conference.When(Convenes(3, noRoundThree)).ThenRefused(ConferenceRefusals.NoConferenceStep);
    }

    [Fact]
    public void Attendance_counts_only_participants_against_those_convened()
    {
        var conference = Spec.Conference.Given(Convened(1), Present(1, "p1", "p2", "p3", "p4", "g1")).State!;

        Assert.Equal((6, 4), (conference.Attendance!.Convened, conference.Attendance.Present));
        Assert.Equal(["p1", "p2", "p3", "p4", "g1"], conference.Attendance.PresentInviteeIds);
    }

    [Fact]
    public void Attendance_of_someone_not_invited_is_refused() =>
        Spec.Conference.Given(Convened(1)).When(RecordsPresent("p1", "stranger")).ThenRefused(RecordAttendance.UnknownInvitee);

    [Fact]
    public void Without_two_thirds_present_no_motion_is_put()
    {
        var refusal = Spec.Conference.Given(Convened(1), Present(1, "p1", "p2", "p3")).When(Puts("m1")).ThenRefused(ConferenceRefusals.QuorumNotMet);

        Assert.Equal(Gates.ConferenceQuorumMet, refusal.FailedGate);
    }

    [Fact]
    public void With_two_thirds_present_a_motion_is_put() =>
        Spec.Conference.Given(Convened(1), Present(1, "p1", "p2", "p3", "p4")).When(Puts("m1")).Then<MotionPut>();

    [Fact]
    public void A_motion_id_is_used_once() =>
        ReadyToSign.When(Puts("m1")).ThenRefused(PutMotion.MotionExists);

    [Theory]
    [InlineData(3, false)]
    [InlineData(2, false)]
    [InlineData(4, true)]
    public void A_motion_is_adopted_by_more_than_half_of_those_present(int votesFor, bool adopted)
    {
        var recorded = Spec.Conference.Given(Convened(1), Present(1, "p1", "p2", "p3", "p4", "p5", "p6"), MotionOnTheStructure)
            .When(Votes("m1", votesFor, 6 - votesFor)).Then<VoteRecorded>();

        Assert.Equal(adopted, recorded.Adopted);
    }

    [Fact]
    public void A_vote_on_an_unknown_motion_is_refused() =>
        ReadyToSign.When(Votes("m9", 4, 0)).ThenRefused(RecordVote.UnknownMotion);

    [Fact]
    public void A_motion_is_voted_once() =>
        ReadyToSign.When(Votes("m1", 4, 0)).ThenRefused(RecordVote.AlreadyVoted);

    [Fact]
    public void More_votes_than_participants_present_is_refused() =>
        Spec.Conference.Given(Convened(1), Present(1, "p1", "p2", "p3", "p4"), MotionOnTheStructure)
            .When(Votes("m1", 4, 1, VotingMethod.SecretBallot)).ThenRefused(RecordVote.MoreVotesThanPresent);

    [Fact]
    public void Decisions_need_an_adopted_motion() =>
        Spec.Conference.Given(Convened(1), Present(1, "p1", "p2", "p3", "p4", "p5"), MotionOnTheStructure,
                new VoteRecorded(IdFor(1), "m1", 2, 3, 0, VotingMethod.ShowOfHands, false, "clerk", TestTerms.Now))
            .When(RecordsDecisions(DecisionsFor(1))).ThenRefused(RecordRoundDecisions.MotionNotAdopted);

    [Fact]
    public void Round_one_decides_the_allocation_not_a_list() =>
        Voted.When(RecordsDecisions(DecisionsFor(2))).ThenRefused(RecordRoundDecisions.DecisionsIncomplete);

    [Fact]
    public void Only_the_chair_signs_the_minutes() =>
        ReadyToSign.When(Signs(ActorRole.CommitteeMember)).ThenRefused(SignMinutes.OnlyTheChairSigns);

    [Fact]
    public void Minutes_without_the_rounds_decisions_are_not_signed()
    {
        var refusal = Voted.When(Signs()).ThenRefused(CompleteStep.GateFailed);

        Assert.Equal(Gates.RoundDecisionsRecorded, refusal.FailedGate);
    }

    [Fact]
    public void Signed_minutes_bind() =>
        Assert.Equal(ConferenceStage.MinutesSigned, ReadyToSign.When(Signs()).ThenState().Stage);

    [Fact]
    public void Signed_minutes_let_the_rounds_step_complete() =>
        RoundOne.When(process => CompleteStep.Decide(new CompleteStep(ProcessId, "round-1", "chair", Chair, "BB-1", null), process, Version1,
            new GateInputs(WithSignedMinutes(1), [], TestTerms.Rules), TestTerms.Now)).Then<StepCompleted>();

    [Fact]
    public void Nothing_in_signed_minutes_changes() =>
        ReadyToSign.Given(SignedMinutes(1)).When(RecordsPresent("p1")).ThenRefused(ConferenceRefusals.MinutesAlreadySigned);
}

public class Deciding_the_lists_of_rounds_two_and_three
{
    private static readonly ConsultationProcess RoundThreeOpen = Given(Opened(), Activated("round-3"));

    /// <summary>c1 and c2 on the preliminary list, both self-nominees heard where they live and where they work.</summary>
    private static readonly RecordRoundDecisions.Roster Roster = new(
        Standing: new HashSet<string> { "c1", "c2", "c3" }, Distrusted: new HashSet<string> { "c2" }, PreliminaryList: new HashSet<string> { "c1", "c2" },
        PreliminaryCandidacies: [HeardEverywhere("c1", "A"), HeardEverywhere("c2", "B")]);

    private static Candidates.Candidacy HeardEverywhere(string id, string fullName) =>
        TestCandidates.Filed(id, fullName)
            .Given(TestCandidates.Heard(id, Candidates.VoterConferenceKind.Residence), TestCandidates.Heard(id, Candidates.VoterConferenceKind.Workplace)).State!;

    /// <summary>Round 3 convened, five of six present and the motion adopted, its list not yet recorded.</summary>
    private static readonly Spec<ConsultationConference> RoundThreeVoted = Spec.Conference.Given(Ready(3)[..4]);

    private static Func<ConsultationConference, Decision> Records(params CandidateEntry[] candidates) => Records(new RoundDecisions(Candidates: candidates));

    private static Func<ConsultationConference, Decision> Records(RoundDecisions decisions) =>
        conference => RecordRoundDecisions.Decide(new RecordRoundDecisions(IdFor(3), "m1", decisions, "clerk", ActorRole.Clerk),
            conference, RoundThreeOpen, Version1, Roster, TestTerms.Rules, TestTerms.Now);

    [Fact]
    public void Only_standing_candidates_are_listed() =>
        RoundThreeVoted.When(Records(new CandidateEntry("c9", "Không Có"))).ThenRefused(RecordRoundDecisions.NotACandidate);

    [Fact]
    public void The_qualified_list_comes_from_the_preliminary_list() =>
        RoundThreeVoted.When(Records(new CandidateEntry("c3", "Ngoài Danh Sách"))).ThenRefused(RecordRoundDecisions.NotOnPreliminaryList);

    [Fact]
    public void A_distrusted_candidate_does_not_go_forward_without_a_special_case() =>
        RoundThreeVoted.When(Records(new CandidateEntry("c1", "A"), new CandidateEntry("c2", "B"))).ThenRefused(ListRefusals.DistrustedWithoutSpecialCase);

    [Fact]
    public void A_distrusted_candidate_goes_forward_as_a_special_case_with_its_reason()
    {
        var recorded = RoundThreeVoted.When(Records(new RoundDecisions(Candidates: [new CandidateEntry("c1", "A"), new CandidateEntry("c2", "B")],
            SpecialCases: [new SpecialCase("c2", "Ý kiến cử tri đã được xác minh là không đúng")]))).Then<RoundDecisionsRecorded>();

        Assert.Equal("Ý kiến cử tri đã được xác minh là không đúng", recorded.Decisions.SpecialCases![0].Reason);
    }
}
