using ElectionPrep.ConsultationConferences;
using ElectionPrep.Workflows;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.ConsultationProcesses;

public class Running_the_workflow
{
    private static readonly GateInputs NoConference = new(null, TestTerms.Rules);

    private static IEnumerable<string> Activates(ConsultationProcess process) =>
        ActivateReadySteps.Decide(new ActivateReadySteps(process.Id), process, Version1, DueDates, TestTerms.Now).Events
            .Cast<StepActivated>().Select(activated => activated.StepId);

    private static CompleteStep Complete(string stepId, ActorRole role = ActorRole.Clerk) => new(ProcessId, stepId, "clerk", role, "QĐ 1", null);

    [Fact]
    public void The_steps_that_wait_for_nothing_open_together_with_their_deadlines()
    {
        var decision = ActivateReadySteps.Decide(new ActivateReadySteps(ProcessId), Given(Opened()), Version1, DueDates, TestTerms.Now);

        Assert.Equal([Activated("projected", Vietnam(2021, 2, 7, 23, 59, 59)), Activated("committee", Vietnam(2021, 2, 7, 23, 59, 59))], decision.Events);
    }

    [Fact]
    public void Activating_again_changes_nothing() =>
        Assert.Empty(Activates(Given(Opened(), Activated("projected"), Activated("committee"))));

    [Fact]
    public void Completing_a_step_opens_what_it_leads_to()
    {
        var process = Given(Opened(), Activated("projected"), Activated("committee"), Completed("committee"));

        Assert.Equal(["constituencies"], Activates(process));
    }

    [Fact]
    public void A_join_opens_only_when_every_branch_is_done()
    {
        var oneBranch = Given(Opened(), Activated("projected"), Activated("committee"), Completed("projected"), Activated("round-1"),
            Completed("round-1"), Completed("committee"));
        var bothBranches = Given(Opened(), Activated("projected"), Activated("committee"), Completed("projected"), Activated("round-1"),
            Completed("round-1"), Completed("committee"), Activated("constituencies"), Completed("constituencies"));

        Assert.Equal(["constituencies"], Activates(oneBranch));
        Assert.Equal(["round-2"], Activates(bothBranches));
    }

    [Fact]
    public void An_open_step_is_completed_by_an_allowed_role_with_its_reference()
    {
        var process = Given(Opened(), Activated("committee"));

        var decision = CompleteStep.Decide(Complete("committee"), process, Version1, NoConference, TestTerms.Now);

        Assert.Equal([Completed("committee") with { Reference = "QĐ 1" }], decision.Events);
    }

    [Fact]
    public void A_step_not_yet_open_is_refused_naming_what_it_waits_for_and_what_is_allowed_now()
    {
        var process = Given(Opened(), Activated("projected"), Activated("committee"));

        var refusal = CompleteStep.Decide(Complete("round-1", ActorRole.CommitteeChair), process, Version1, NoConference, TestTerms.Now).Refusal!;

        Assert.Equal(CompleteStep.StepNotOpen, refusal.Code);
        Assert.Contains("projected", refusal.Detail.En, StringComparison.Ordinal);
        Assert.Equal("open; active steps: committee, projected", refusal.CurrentState);
        Assert.Equal(["committee (Clerk)", "projected (Clerk, CommitteeChair)"], refusal.AllowedNow);
    }

    [Fact]
    public void A_completed_step_cannot_be_completed_again()
    {
        var process = Given(Opened(), Activated("committee"), Completed("committee"));

        Assert.Equal(CompleteStep.StepNotOpen, CompleteStep.Decide(Complete("committee"), process, Version1, NoConference, TestTerms.Now).Refusal?.Code);
    }

    [Fact]
    public void A_role_the_step_does_not_allow_is_refused()
    {
        var process = Given(Opened(), Activated("committee"));

        var refusal = CompleteStep.Decide(Complete("committee", ActorRole.Observer), process, Version1, NoConference, TestTerms.Now).Refusal!;

        Assert.Equal(CompleteStep.RoleNotAllowed, refusal.Code);
        Assert.Contains("Observer", refusal.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_step_is_refused() =>
        Assert.Equal(CompleteStep.UnknownStep,
            CompleteStep.Decide(Complete("round-9"), Given(Opened()), Version1, NoConference, TestTerms.Now).Refusal?.Code);

    [Fact]
    public void A_conference_step_does_not_complete_before_its_minutes_are_signed()
    {
        var process = Given(Opened(), Activated("projected"), Completed("projected"), Activated("round-1"));

        var refusal = CompleteStep.Decide(Complete("round-1", ActorRole.CommitteeChair), process, Version1, NoConference, TestTerms.Now).Refusal!;

        Assert.Equal(CompleteStep.GateFailed, refusal.Code);
        Assert.Equal(Gates.ConferenceQuorumMet, refusal.FailedGate);
    }

    [Fact]
    public void The_last_step_closes_the_process_and_nothing_more_can_be_done()
    {
        var process = Given(Opened(), Activated("projected"), Completed("projected"), Activated("committee"), Completed("committee"),
            Activated("round-1"), Completed("round-1"), Activated("constituencies"), Completed("constituencies"),
            Activated("round-2"), Completed("round-2"), Activated("round-3"));
        var signed = new GateInputs(TestConferences.WithSignedMinutes(3), TestTerms.Rules);

        var decision = CompleteStep.Decide(Complete("round-3", ActorRole.CommitteeChair), process, Version1, signed, TestTerms.Now);
        var closed = decision.Events.Aggregate(process, (state, @event) => ConsultationProcess.Evolve(state, @event)!);

        Assert.IsType<ConsultationProcessCompleted>(decision.Events[^1]);
        Assert.Equal(ConsultationProcessStage.Completed, closed.Stage);
        Assert.Equal(CompleteStep.ProcessClosed, CompleteStep.Decide(Complete("round-3"), closed, Version1, signed, TestTerms.Now).Refusal?.Code);
        Assert.Empty(Activates(closed));
    }
}
