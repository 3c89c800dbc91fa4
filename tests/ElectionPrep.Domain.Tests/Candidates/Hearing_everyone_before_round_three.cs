using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Workflows;
using static ElectionPrep.TestConferences;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.Candidates;

/// <summary>
/// Round 3 weighs what the voters said of everyone on the preliminary list, so it waits until each was heard where the
/// law requires: where they live, and a self-nominee also where they work (NQ 1186/2021/UBTVQH14).
/// </summary>
public class Hearing_everyone_before_round_three
{
    private static readonly Candidacy Nominee = TestCandidates.Filed("c1", "Nguyễn Thị Lan", nominatedBy: "Hội Liên hiệp Phụ nữ").State!;

    private static readonly Candidacy SelfNominee = TestCandidates.Filed("c2", "Hoàng Văn Minh").State!;

    private static Candidacy HeardAt(Candidacy candidacy, params VoterConferenceKind[] kinds) =>
        kinds.Aggregate(candidacy, (heard, kind) => Candidacy.Evolve(heard, TestCandidates.Heard(candidacy.Id, kind))!);

    private static readonly ConsultationProcess RoundThreeOpen = Given(Opened(), Activated("round-3"));

    private static Func<ConsultationConference, Decision> AdoptsTheQualifiedList(params Candidacy[] preliminaryList) =>
        conference => RecordRoundDecisions.Decide(new RecordRoundDecisions(IdFor(3), "m1", DecisionsFor(3), "clerk", ActorRole.Clerk), conference, RoundThreeOpen,
            Version1, new RecordRoundDecisions.Roster(new HashSet<string> { "c1", "c2" }, new HashSet<string>(), new HashSet<string> { "c1", "c2" }, preliminaryList),
            TestTerms.Rules, TestTerms.Now);

    /// <summary>Version 1 with its voter conferences' step gated as the shipped workflows gate it.</summary>
    private static readonly WorkflowDefinition Gated = WithVoterConferences with
    {
        Steps = [.. WithVoterConferences.Steps.Select(step => step.Id == "voters" ? step with { Gates = [Gates.VoterConferencesHeld] } : step)],
    };

    private static Func<ConsultationProcess, Decision> CompletesTheVoterConferences(params Candidacy[] preliminaryList) =>
        process => CompleteStep.Decide(new CompleteStep(ProcessId, "voters", "clerk", ActorRole.Clerk, "BC-01", null), process, Gated,
            new GateInputs(null, preliminaryList, TestTerms.Rules), TestTerms.Now);

    [Fact]
    public void Round_three_does_not_adopt_its_list_while_a_candidate_has_met_no_voters()
    {
        var refusal = Spec.Conference.Given(Ready(3)[..4]).When(AdoptsTheQualifiedList(HeardAt(Nominee, VoterConferenceKind.Residence), SelfNominee))
            .ThenRefused(VoterHearings.ConferencesMissing);

        Assert.Equal([(2, "Hoàng Văn Minh"), (2, "Hoàng Văn Minh")], refusal.Items!.Select(item => (item.Position, item.Label)));
    }

    [Fact]
    public void Each_missing_conference_is_named_with_its_legal_basis()
    {
        var refusal = Spec.Conference.Given(Ready(3)[..4]).When(AdoptsTheQualifiedList(SelfNominee)).ThenRefused(VoterHearings.ConferencesMissing);

        Assert.All(refusal.Items!, item => Assert.Equal(VoterHearings.ConferenceMissing, item.Refusal.Code));
        Assert.All(refusal.Items!, item => Assert.Contains("NQ 1186/2021/UBTVQH14", item.Refusal.Detail.Vi, StringComparison.Ordinal));
        Assert.Equal(2, refusal.Items!.Count);
    }

    [Fact]
    public void A_self_nominee_heard_only_where_they_live_still_lacks_the_workplace_conference()
    {
        var refusal = Spec.Conference.Given(Ready(3)[..4]).When(AdoptsTheQualifiedList(HeardAt(SelfNominee, VoterConferenceKind.Residence)))
            .ThenRefused(VoterHearings.ConferencesMissing);

        Assert.Contains("nơi công tác", Assert.Single(refusal.Items!).Refusal.Detail.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nominee_heard_where_they_live_has_the_conferences_the_law_requires() =>
        Spec.Conference.Given(Ready(3)[..4])
            .When(AdoptsTheQualifiedList(HeardAt(Nominee, VoterConferenceKind.Residence), HeardAt(SelfNominee, VoterConferenceKind.Residence, VoterConferenceKind.Workplace)))
            .Then<RoundDecisionsRecorded>();

    [Fact]
    public void A_struck_candidate_needs_no_hearing()
    {
        var struck = Candidacy.Evolve(SelfNominee, new CandidacyStruck("c2", "multiple-candidacy", "Ứng cử quá hai cấp", "clerk", TestTerms.Now))!;

        Spec.Conference.Given(Ready(3)[..4]).When(AdoptsTheQualifiedList(HeardAt(Nominee, VoterConferenceKind.Residence), struck)).Then<RoundDecisionsRecorded>();
    }

    [Fact]
    public void The_voter_conferences_step_does_not_complete_while_a_candidate_lacks_one()
    {
        var refusal = Spec.Process.Given(Opened(Gated), Activated("voters")).When(CompletesTheVoterConferences(Nominee)).ThenRefused(CompleteStep.GateFailed);

        Assert.Equal(Gates.VoterConferencesHeld, refusal.FailedGate);
        Assert.Equal("Nguyễn Thị Lan", Assert.Single(refusal.Items!).Label);
    }

    [Fact]
    public void The_voter_conferences_step_completes_once_everyone_was_heard() =>
        Spec.Process.Given(Opened(Gated), Activated("voters")).When(CompletesTheVoterConferences(HeardAt(Nominee, VoterConferenceKind.Residence)))
            .Then<StepCompleted>();
}
