using ElectionPrep.CandidateLists;
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
    private static readonly ConsultationProcess RoundOneOpen = Given(Opened(), Activated("projected"), Completed("projected"), Activated("round-1"));

    private static ConveneConference Convene(int round, ActorRole role = Chair) =>
        new(ProcessId, round, Vietnam(2021, 2, 15, 8), "Hội trường", "Chủ tịch MTTQ xã", Invitees, "chair", role);

    [Fact]
    public void A_round_whose_step_is_open_is_convened_with_its_invitees()
    {
        var decision = ConveneConference.Decide(Convene(1), null, RoundOneOpen, Version1, TestTerms.Now);

        var convened = Assert.IsType<ConferenceConvened>(Assert.Single(decision.Events));
        Assert.Equal((IdFor(1), 1, 7), (convened.ConsultationConferenceId, convened.Round, convened.Invitees.Count));
    }

    [Fact]
    public void A_round_is_convened_once() =>
        Assert.Equal(ConveneConference.AlreadyConvened, ConveneConference.Decide(Convene(1), Conference(Convened(1)), RoundOneOpen, Version1, TestTerms.Now).Refusal?.Code);

    [Fact]
    public void A_later_round_cannot_be_convened_before_its_step_opens()
    {
        var refusal = ConveneConference.Decide(Convene(2), null, RoundOneOpen, Version1, TestTerms.Now).Refusal!;

        Assert.Equal(CompleteStep.StepNotOpen, refusal.Code);
        Assert.Contains("round-1", refusal.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workflow_without_that_round_has_no_conference_to_convene()
    {
        var noRoundThree = Version1 with { Steps = Version1.Steps.Where(step => step.Round != 3).ToList() };

        Assert.Equal(ConferenceRefusals.NoConferenceStep, ConveneConference.Decide(Convene(3), null, RoundOneOpen, noRoundThree, TestTerms.Now).Refusal?.Code);
    }

    [Fact]
    public void Attendance_counts_only_participants_against_those_convened()
    {
        var conference = Conference(Convened(1), Present(1, "p1", "p2", "p3", "p4", "g1"));

        Assert.Equal((6, 4), (conference.Attendance!.Convened, conference.Attendance.Present));
        Assert.Equal(["p1", "p2", "p3", "p4", "g1"], conference.Attendance.PresentInviteeIds);
    }

    [Fact]
    public void Attendance_of_someone_not_invited_is_refused() =>
        Assert.Equal(RecordAttendance.UnknownInvitee, RecordAttendance.Decide(new RecordAttendance(IdFor(1), ["p1", "stranger"], "clerk", Clerk),
            Conference(Convened(1)), RoundOneOpen, Version1, TestTerms.Now).Refusal?.Code);

    [Fact]
    public void Without_two_thirds_present_no_motion_is_put()
    {
        var three = Conference(Convened(1), Present(1, "p1", "p2", "p3"));
        var four = Conference(Convened(1), Present(1, "p1", "p2", "p3", "p4"));
        var motion = new PutMotion(IdFor(1), "m1", "Cơ cấu", "chair", Chair);

        var refusal = PutMotion.Decide(motion, three, RoundOneOpen, Version1, TestTerms.Rules, TestTerms.Now).Refusal!;

        Assert.Equal(ConferenceRefusals.QuorumNotMet, refusal.Code);
        Assert.Equal(Gates.ConferenceQuorumMet, refusal.FailedGate);
        Assert.False(PutMotion.Decide(motion, four, RoundOneOpen, Version1, TestTerms.Rules, TestTerms.Now).IsRefused);
    }

    [Fact]
    public void A_motion_id_is_used_once() =>
        Assert.Equal(PutMotion.MotionExists, PutMotion.Decide(new PutMotion(IdFor(1), "m1", "Lại", "chair", Chair),
            Conference(Ready(1)), RoundOneOpen, Version1, TestTerms.Rules, TestTerms.Now).Refusal?.Code);

    [Theory]
    [InlineData(3, false)]
    [InlineData(2, false)]
    [InlineData(4, true)]
    public void A_motion_is_adopted_by_more_than_half_of_those_present(int votesFor, bool adopted)
    {
        var conference = Conference(Convened(1), Present(1, "p1", "p2", "p3", "p4", "p5", "p6"), new MotionPut(IdFor(1), "m1", "Cơ cấu", "chair", TestTerms.Now));

        var decision = RecordVote.Decide(new RecordVote(IdFor(1), "m1", votesFor, 6 - votesFor, 0, VotingMethod.ShowOfHands, "clerk", Clerk),
            conference, RoundOneOpen, Version1, TestTerms.Rules, TestTerms.Now);

        Assert.Equal(adopted, Assert.IsType<VoteRecorded>(Assert.Single(decision.Events)).Adopted);
    }

    [Fact]
    public void A_vote_on_an_unknown_motion_is_refused() =>
        Assert.Equal(RecordVote.UnknownMotion, RecordVote.Decide(new RecordVote(IdFor(1), "m9", 4, 0, 0, VotingMethod.ShowOfHands, "clerk", Clerk),
            Conference(Ready(1)), RoundOneOpen, Version1, TestTerms.Rules, TestTerms.Now).Refusal?.Code);

    [Fact]
    public void A_motion_is_voted_once() =>
        Assert.Equal(RecordVote.AlreadyVoted, RecordVote.Decide(new RecordVote(IdFor(1), "m1", 4, 0, 0, VotingMethod.ShowOfHands, "clerk", Clerk),
            Conference(Ready(1)), RoundOneOpen, Version1, TestTerms.Rules, TestTerms.Now).Refusal?.Code);

    [Fact]
    public void More_votes_than_participants_present_is_refused()
    {
        var conference = Conference(Convened(1), Present(1, "p1", "p2", "p3", "p4"), new MotionPut(IdFor(1), "m1", "Cơ cấu", "chair", TestTerms.Now));

        Assert.Equal(RecordVote.MoreVotesThanPresent, RecordVote.Decide(new RecordVote(IdFor(1), "m1", 4, 1, 0, VotingMethod.SecretBallot, "clerk", Clerk),
            conference, RoundOneOpen, Version1, TestTerms.Rules, TestTerms.Now).Refusal?.Code);
    }

    [Fact]
    public void Decisions_need_an_adopted_motion()
    {
        var rejected = Conference(Convened(1), Present(1, "p1", "p2", "p3", "p4", "p5"), new MotionPut(IdFor(1), "m1", "Cơ cấu", "chair", TestTerms.Now),
            new VoteRecorded(IdFor(1), "m1", 2, 3, 0, VotingMethod.ShowOfHands, false, "clerk", TestTerms.Now));

        Assert.Equal(RecordRoundDecisions.MotionNotAdopted, RecordRoundDecisions.Decide(new RecordRoundDecisions(IdFor(1), "m1", DecisionsFor(1), "clerk", Clerk),
            rejected, RoundOneOpen, Version1, TestTerms.Now).Refusal?.Code);
    }

    [Fact]
    public void Round_one_decides_the_allocation_not_a_list() =>
        Assert.Equal(RecordRoundDecisions.DecisionsIncomplete, RecordRoundDecisions.Decide(new RecordRoundDecisions(IdFor(1), "m1", DecisionsFor(2), "clerk", Clerk),
            Conference([.. Ready(1)[..4]]), RoundOneOpen, Version1, TestTerms.Now).Refusal?.Code);

    [Fact]
    public void Only_the_chair_signs_the_minutes() =>
        Assert.Equal(SignMinutes.OnlyTheChairSigns, SignMinutes.Decide(new SignMinutes(IdFor(1), "BB-1", "member", ActorRole.CommitteeMember),
            Conference(Ready(1)), RoundOneOpen, Version1, TestTerms.Rules, TestTerms.Now).Refusal?.Code);

    [Fact]
    public void Minutes_without_the_rounds_decisions_are_not_signed()
    {
        var refusal = SignMinutes.Decide(new SignMinutes(IdFor(1), "BB-1", "chair", Chair), Conference([.. Ready(1)[..4]]), RoundOneOpen, Version1,
            TestTerms.Rules, TestTerms.Now).Refusal!;

        Assert.Equal((CompleteStep.GateFailed, Gates.RoundDecisionsRecorded), (refusal.Code, refusal.FailedGate));
    }

    [Fact]
    public void Signed_minutes_bind_and_then_let_the_rounds_step_complete()
    {
        var signing = SignMinutes.Decide(new SignMinutes(IdFor(1), "BB-1", "chair", Chair), Conference(Ready(1)), RoundOneOpen, Version1, TestTerms.Rules, TestTerms.Now);
        var signed = Conference([.. Ready(1), .. signing.Events]);

        var completion = CompleteStep.Decide(new CompleteStep(ProcessId, "round-1", "chair", Chair, "BB-1", null), RoundOneOpen, Version1,
            new GateInputs(signed, TestTerms.Rules), TestTerms.Now);

        Assert.Equal(ConferenceStage.MinutesSigned, signed.Stage);
        Assert.IsType<StepCompleted>(Assert.Single(completion.Events));
    }

    [Fact]
    public void Nothing_in_signed_minutes_changes() =>
        Assert.Equal(ConferenceRefusals.MinutesAlreadySigned, RecordAttendance.Decide(new RecordAttendance(IdFor(1), ["p1"], "clerk", Clerk),
            WithSignedMinutes(1), RoundOneOpen, Version1, TestTerms.Now).Refusal?.Code);
}

public class Deciding_the_lists_of_rounds_two_and_three
{
    private static readonly ConsultationProcess RoundThreeOpen = Given(Opened(), Activated("round-3"));

    private static readonly RecordRoundDecisions.Roster Roster = new(
        Standing: new HashSet<string> { "c1", "c2", "c3" }, Distrusted: new HashSet<string> { "c2" }, PreliminaryList: new HashSet<string> { "c1", "c2" });

    private static Common.Decision Decide(RoundDecisions decisions) =>
        RecordRoundDecisions.Decide(new RecordRoundDecisions(IdFor(3), "m1", decisions, "clerk", ActorRole.Clerk),
            Conference([.. Ready(3)[..4]]), RoundThreeOpen, Version1, Roster, TestTerms.Now);

    [Fact]
    public void Only_standing_candidates_are_listed() =>
        Assert.Equal(RecordRoundDecisions.NotACandidate, Decide(new RoundDecisions(Candidates: [new CandidateEntry("c9", "Không Có")])).Refusal?.Code);

    [Fact]
    public void The_qualified_list_comes_from_the_preliminary_list() =>
        Assert.Equal(RecordRoundDecisions.NotOnPreliminaryList, Decide(new RoundDecisions(Candidates: [new CandidateEntry("c3", "Ngoài Danh Sách")])).Refusal?.Code);

    [Fact]
    public void A_distrusted_candidate_goes_forward_only_as_a_special_case_with_its_reason()
    {
        var withoutReason = Decide(new RoundDecisions(Candidates: [new CandidateEntry("c1", "A"), new CandidateEntry("c2", "B")]));
        var asSpecialCase = Decide(new RoundDecisions(Candidates: [new CandidateEntry("c1", "A"), new CandidateEntry("c2", "B")],
            SpecialCases: [new SpecialCase("c2", "Ý kiến cử tri đã được xác minh là không đúng")]));

        Assert.Equal(ListRefusals.DistrustedWithoutSpecialCase, withoutReason.Refusal?.Code);
        Assert.Equal("Ý kiến cử tri đã được xác minh là không đúng", Assert.IsType<RoundDecisionsRecorded>(Assert.Single(asSpecialCase.Events)).Decisions.SpecialCases![0].Reason);
    }
}
