using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Workflows;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.Candidates;

public class Hearing_the_voters
{
    private static readonly Spec<Candidacy> Lan = TestCandidates.Filed("c1");

    private static Func<Candidacy, Decision> Records(int invited, int present, int trust, int distrust, VoterConferenceKind kind = VoterConferenceKind.Residence,
        ConsultationProcess? process = null, string minutes = "BB-CT-1") =>
        candidacy => RecordVoterConference.Decide(
            new RecordVoterConference("c1", kind, new DateOnly(2021, 4, 1), invited, present, trust, distrust, ["A", "B", "C"], minutes, "clerk", ActorRole.Clerk),
            candidacy, process ?? VotersOpen, WithVoterConferences, TestTerms.Rules, TestTerms.Now);

    /// <summary>Lan after her residence conference of 1 April 2021, minutes BB-CT-1.</summary>
    private static readonly Spec<Candidacy> HeardOnce = Lan.Given(new VoterConferenceRecorded("c1", VoterConferenceKind.Residence, new DateOnly(2021, 4, 1),
        150, 100, 90, 10, ["A", "B", "C"], "BB-CT-1", false, "clerk", TestTerms.Now));

    [Theory]
    [InlineData(50, 50, false)]
    [InlineData(49, 51, true)]
    public void More_than_half_distrusting_is_recorded_as_distrust(int trust, int distrust, bool distrusted) =>
        Assert.Equal(distrusted, Lan.When(Records(150, 100, trust, distrust)).Then<VoterConferenceRecorded>().Distrusted);

    [Theory]
    [InlineData(50, 50, false)]
    [InlineData(49, 51, true)]
    public void A_candidate_whom_more_than_half_distrust_is_distrusted(int trust, int distrust, bool distrusted) =>
        Assert.Equal(distrusted, Lan.When(Records(150, 100, trust, distrust)).ThenState().IsDistrusted);

    [Theory]
    [InlineData(VoterConferenceKind.Residence, 80, 40)]
    [InlineData(VoterConferenceKind.Workplace, 99, 65)]
    public void A_conference_short_of_its_quorum_is_refused(VoterConferenceKind kind, int invited, int present) =>
        Lan.When(Records(invited, present, present, 0, kind)).ThenRefused(RecordVoterConference.QuorumNotMet);

    [Theory]
    [InlineData(VoterConferenceKind.Residence, 80, 41)]
    [InlineData(VoterConferenceKind.Workplace, 99, 66)]
    [InlineData(VoterConferenceKind.Workplace, 300, 70)]
    public void A_conference_with_its_quorum_is_recorded(VoterConferenceKind kind, int invited, int present) =>
        Lan.When(Records(invited, present, present, 0, kind)).Then<VoterConferenceRecorded>();

    [Fact]
    public void More_votes_than_voters_present_is_refused() =>
        Lan.When(Records(100, 60, 40, 30)).ThenRefused(RecordVoterConference.VotesExceedPresent);

    [Fact]
    public void The_same_conference_recorded_again_is_refused() =>
        HeardOnce.When(Records(150, 100, 90, 10)).ThenRefused(RecordVoterConference.AlreadyRecorded);

    [Fact]
    public void Another_conference_on_the_same_day_is_recorded() =>
        HeardOnce.When(Records(150, 100, 90, 10, minutes: "BB-CT-2")).Then<VoterConferenceRecorded>();

    [Fact]
    public void Voter_conferences_are_held_only_while_their_step_is_open() =>
        Lan.When(Records(100, 60, 60, 0, process: Given(Opened()))).ThenRefused(CompleteStep.StepNotOpen);

    private static readonly ComplaintRecorded AboutAssets = new("c1", "k1", "Kê khai tài sản chưa đầy đủ", "Ủy ban kiểm tra", "clerk", TestTerms.Now);

    private static readonly ComplaintVerified AssetsDeclared = new("c1", "k1", "Đã kê khai bổ sung", false, "ubkt", TestTerms.Now);

    private static Func<Candidacy, Decision> RecordsComplaint(string complaintId, string summary = "x", string verifyingBody = "y") =>
        candidacy => RecordComplaint.Decide(new RecordComplaint("c1", complaintId, summary, verifyingBody, "clerk"), candidacy, TestTerms.Now);

    private static Func<Candidacy, Decision> Verifies(string complaintId, string finding = "x", bool substantiated = true, string actor = "y") =>
        candidacy => VerifyComplaint.Decide(new VerifyComplaint("c1", complaintId, finding, substantiated, actor), candidacy, TestTerms.Now);

    [Fact]
    public void A_recorded_complaint_stays_unresolved() =>
        Assert.Single(Lan.When(RecordsComplaint("k1", "Kê khai tài sản chưa đầy đủ", "Ủy ban kiểm tra")).ThenState().UnresolvedComplaints);

    [Fact]
    public void A_complaint_is_resolved_when_the_verifying_body_finds() =>
        Assert.Empty(Lan.Given(AboutAssets).When(Verifies("k1", "Đã kê khai bổ sung", false, "ubkt")).ThenState().UnresolvedComplaints);

    [Fact]
    public void A_complaint_is_recorded_once() =>
        Lan.Given(AboutAssets).When(RecordsComplaint("k1")).ThenRefused(RecordComplaint.ComplaintExists);

    [Fact]
    public void A_complaint_is_verified_once() =>
        Lan.Given(AboutAssets, AssetsDeclared).When(Verifies("k1")).ThenRefused(VerifyComplaint.AlreadyVerified);

    [Fact]
    public void An_unknown_complaint_is_not_verified() =>
        Lan.Given(AboutAssets, AssetsDeclared).When(Verifies("k9")).ThenRefused(VerifyComplaint.UnknownComplaint);
}
