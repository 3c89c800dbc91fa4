using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Workflows;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.Candidates;

public class Hearing_the_voters
{
    private static readonly WorkflowDefinition WithVoterConferences = Version1 with
    {
        Steps = [.. Version1.Steps, Step("voters", StepKind.VoterConferences, ["round-2"])],
    };

    private static readonly ConsultationProcess VotersOpen = Given(Opened(), Activated("voters"));

    private static readonly Candidacy Lan = Candidacy.Evolve(null, new CandidacyFiled("c1", ProcessId, Terms.CouncilKind.CommuneCouncil, "person-1",
        TestCandidates.Dossier(), TestCandidates.Protected, "clerk", TestTerms.Now))!;

    private static Common.Decision Record(int invited, int present, int trust, int distrust, VoterConferenceKind kind = VoterConferenceKind.Residence, ConsultationProcess? process = null,
        Candidacy? candidacy = null, string minutes = "BB-CT-1") =>
        RecordVoterConference.Decide(new RecordVoterConference("c1", kind, new DateOnly(2021, 4, 1), invited, present, trust, distrust, ["A", "B", "C"], minutes, "clerk", ActorRole.Clerk),
            candidacy ?? Lan, process ?? VotersOpen, WithVoterConferences, TestTerms.Rules, TestTerms.Now);

    /// <summary>Lan after her residence conference of 1 April 2021, minutes BB-CT-1.</summary>
    private static Candidacy HeardOnce => Candidacy.Evolve(Lan, Record(150, 100, 90, 10).Events.Single())!;

    [Theory]
    [InlineData(50, 50, false)]
    [InlineData(49, 51, true)]
    public void Exactly_half_distrusting_keeps_the_candidate_and_more_than_half_does_not(int trust, int distrust, bool distrusted)
    {
        var recorded = Assert.IsType<VoterConferenceRecorded>(Assert.Single(Record(150, 100, trust, distrust).Events));

        Assert.Equal(distrusted, recorded.Distrusted);
        Assert.Equal(distrusted, Candidacy.Evolve(Lan, recorded)!.IsDistrusted);
    }

    [Theory]
    [InlineData(VoterConferenceKind.Residence, 80, 40, false)]
    [InlineData(VoterConferenceKind.Residence, 80, 41, true)]
    [InlineData(VoterConferenceKind.Workplace, 99, 65, false)]
    [InlineData(VoterConferenceKind.Workplace, 99, 66, true)]
    [InlineData(VoterConferenceKind.Workplace, 300, 70, true)]
    public void A_conference_short_of_its_quorum_is_refused(VoterConferenceKind kind, int invited, int present, bool held)
    {
        var decision = Record(invited, present, present, 0, kind);

        Assert.Equal(held, !decision.IsRefused);
        if (!held) Assert.Equal(RecordVoterConference.QuorumNotMet, decision.Refusal!.Code);
    }

    [Fact]
    public void More_votes_than_voters_present_is_refused() =>
        Assert.Equal(RecordVoterConference.VotesExceedPresent, Record(100, 60, 40, 30).Refusal?.Code);

    [Fact]
    public void The_same_conference_recorded_again_is_refused() =>
        Assert.Equal(RecordVoterConference.AlreadyRecorded, Record(150, 100, 90, 10, candidacy: HeardOnce).Refusal?.Code);

    [Fact]
    public void Another_conference_on_the_same_day_is_recorded() =>
        Assert.IsType<VoterConferenceRecorded>(Assert.Single(Record(150, 100, 90, 10, candidacy: HeardOnce, minutes: "BB-CT-2").Events));

    [Fact]
    public void Voter_conferences_are_held_only_while_their_step_is_open() =>
        Assert.Equal(CompleteStep.StepNotOpen, Record(100, 60, 60, 0, process: Given(Opened())).Refusal?.Code);

    [Fact]
    public void A_complaint_stays_unresolved_until_the_verifying_body_finds()
    {
        var recorded = RecordComplaint.Decide(new RecordComplaint("c1", "k1", "Kê khai tài sản chưa đầy đủ", "Ủy ban kiểm tra", "clerk"), Lan, TestTerms.Now);
        var open = Candidacy.Evolve(Lan, recorded.Events[0])!;
        var verified = VerifyComplaint.Decide(new VerifyComplaint("c1", "k1", "Đã kê khai bổ sung", false, "ubkt"), open, TestTerms.Now);
        var closed = Candidacy.Evolve(open, verified.Events[0])!;

        Assert.Single(open.UnresolvedComplaints);
        Assert.Empty(closed.UnresolvedComplaints);
        Assert.Equal(RecordComplaint.ComplaintExists, RecordComplaint.Decide(new RecordComplaint("c1", "k1", "x", "y", "clerk"), open, TestTerms.Now).Refusal?.Code);
        Assert.Equal(VerifyComplaint.AlreadyVerified, VerifyComplaint.Decide(new VerifyComplaint("c1", "k1", "x", true, "y"), closed, TestTerms.Now).Refusal?.Code);
        Assert.Equal(VerifyComplaint.UnknownComplaint, VerifyComplaint.Decide(new VerifyComplaint("c1", "k9", "x", true, "y"), closed, TestTerms.Now).Refusal?.Code);
    }
}
