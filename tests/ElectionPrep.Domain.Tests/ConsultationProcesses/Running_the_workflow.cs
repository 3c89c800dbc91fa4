using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.Workflows;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.ConsultationProcesses;

public class Running_the_workflow
{
    private static readonly GateInputs NoConference = new(null, [], TestTerms.Rules);

    private static readonly Spec<ConsultationProcess> Started = Spec.Process.Given(Opened(), Activated("projected"), Activated("committee"));

    /// <summary>Every step but round 3 done, round 3 open.</summary>
    private static readonly Spec<ConsultationProcess> RoundThreeOpen = Spec.Process.Given(Opened(), Activated("projected"), Completed("projected"),
        Activated("committee"), Completed("committee"), Activated("round-1"), Completed("round-1"), Activated("constituencies"), Completed("constituencies"),
        Activated("round-2"), Completed("round-2"), Activated("round-3"));

    private static readonly Spec<ConsultationProcess> Closed = RoundThreeOpen.Given(Completed("round-3"), new ConsultationProcessCompleted(ProcessId, TestTerms.Now));

    private static readonly GateInputs RoundThreeSigned = new(TestConferences.WithSignedMinutes(3), [], TestTerms.Rules);

    private static Decision ActivatesReadySteps(ConsultationProcess process) =>
        ActivateReadySteps.Decide(new ActivateReadySteps(process.Id), process, Version1, DueDates, TestTerms.Now);

    private static IEnumerable<string> Opens(Spec<ConsultationProcess> given) =>
        given.When(ActivatesReadySteps).ThenAccepted().Cast<StepActivated>().Select(activated => activated.StepId);

    private static Func<ConsultationProcess, Decision> Completes(string stepId, ActorRole role = ActorRole.Clerk, GateInputs? gates = null) =>
        process => CompleteStep.Decide(new CompleteStep(ProcessId, stepId, "clerk", role, "QĐ 1", null), process, Version1, gates ?? NoConference, TestTerms.Now);

    [Fact]
    public void The_steps_that_wait_for_nothing_open_together_with_their_deadlines() =>
        Spec.Process.Given(Opened()).When(ActivatesReadySteps)
            .Then(Activated("projected", Vietnam(2021, 2, 7, 23, 59, 59)), Activated("committee", Vietnam(2021, 2, 7, 23, 59, 59)));

    [Fact]
    public void Activating_again_changes_nothing() =>
        Started.When(ActivatesReadySteps).ThenNothing();

    [Fact]
    public void Completing_a_step_opens_what_it_leads_to() =>
        Assert.Equal(["constituencies"], Opens(Started.Given(Completed("committee"))));

    /// <summary>Round 1 done on the "projected" branch; the "committee" branch still publishing constituencies.</summary>
    private static readonly Spec<ConsultationProcess> OneBranchDone =
        Started.Given(Completed("projected"), Activated("round-1"), Completed("round-1"), Completed("committee"));

    [Fact]
    public void A_join_waits_while_a_branch_is_still_running() =>
        Assert.Equal(["constituencies"], Opens(OneBranchDone));

    [Fact]
    public void A_join_opens_when_every_branch_is_done() =>
        Assert.Equal(["round-2"], Opens(OneBranchDone.Given(Activated("constituencies"), Completed("constituencies"))));

    [Fact]
    public void An_open_step_is_completed_by_an_allowed_role_with_its_reference() =>
        Spec.Process.Given(Opened(), Activated("committee")).When(Completes("committee")).Then(Completed("committee") with { Reference = "QĐ 1" });

    [Fact]
    public void A_step_not_yet_open_is_refused_naming_what_it_waits_for_and_what_is_allowed_now()
    {
        var refusal = Started.When(Completes("round-1", ActorRole.CommitteeChair)).ThenRefused(CompleteStep.StepNotOpen);

        Assert.Contains("projected", refusal.Detail.En, StringComparison.Ordinal);
        Assert.Equal("open; active steps: committee, projected", refusal.CurrentState);
        Assert.Equal(["committee (Clerk)", "projected (Clerk, CommitteeChair)"], refusal.AllowedNow);
    }

    [Fact]
    public void A_completed_step_cannot_be_completed_again() =>
        Spec.Process.Given(Opened(), Activated("committee"), Completed("committee")).When(Completes("committee")).ThenRefused(CompleteStep.StepNotOpen);

    [Fact]
    public void A_role_the_step_does_not_allow_is_refused()
    {
        var refusal = Spec.Process.Given(Opened(), Activated("committee")).When(Completes("committee", ActorRole.Observer)).ThenRefused(CompleteStep.RoleNotAllowed);

        Assert.Contains("Vai trò Người giám sát", refusal.Detail.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_step_is_refused() =>
        Spec.Process.Given(Opened()).When(Completes("round-9")).ThenRefused(CompleteStep.UnknownStep);

    [Fact]
    public void A_conference_step_does_not_complete_before_its_minutes_are_signed()
    {
        var refusal = Spec.Process.Given(Opened(), Activated("projected"), Completed("projected"), Activated("round-1"))
            .When(Completes("round-1", ActorRole.CommitteeChair)).ThenRefused(CompleteStep.GateFailed);

        Assert.Equal(Gates.ConferenceQuorumMet, refusal.FailedGate);
    }

    [Fact]
    public void The_last_step_completes_the_process() =>
        Assert.IsType<ConsultationProcessCompleted>(RoundThreeOpen.When(Completes("round-3", ActorRole.CommitteeChair, RoundThreeSigned)).ThenAccepted()[^1]);

    [Fact]
    public void A_completed_process_is_closed() =>
        Assert.Equal(ConsultationProcessStage.Completed, RoundThreeOpen.When(Completes("round-3", ActorRole.CommitteeChair, RoundThreeSigned)).ThenState().Stage);

    [Fact]
    public void Nothing_is_completed_in_a_closed_process() =>
        Closed.When(Completes("round-3", gates: RoundThreeSigned)).ThenRefused(CompleteStep.ProcessClosed);

    [Fact]
    public void Nothing_opens_in_a_closed_process() =>
        Closed.When(ActivatesReadySteps).ThenNothing();
}
