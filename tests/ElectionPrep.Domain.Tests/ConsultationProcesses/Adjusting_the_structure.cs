using ElectionPrep.ConsultationConferences;
using ElectionPrep.Workflows;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.ConsultationProcesses;

public class Adjusting_the_structure
{
    private static readonly WorkflowDefinition WithAdjustment = Version1 with
    {
        Steps = [.. Version1.Steps, Step("adjusted", StepKind.StructureAdjustment, ["round-1"])],
    };

    private static AdjustStructure Adjust(ActorRole role = ActorRole.Clerk) =>
        new(ProcessId, Body.CouncilStandingBody, "NQ 12/NQ-HĐND", "Giảm 1 người của Hội Nông dân", [new NominationAllocation("Hội Nông dân xã", 2)], "clerk", role);

    [Fact]
    public void The_standing_body_above_adjusts_the_structure_between_rounds_by_its_decision()
    {
        var process = Given(Opened(), Activated("adjusted"));

        var adjusted = Assert.IsType<StructureAdjusted>(Assert.Single(AdjustStructure.Decide(Adjust(), process, WithAdjustment, TestTerms.Now).Events));

        Assert.Equal(("NQ 12/NQ-HĐND", Body.CouncilStandingBody), (adjusted.DecisionReference, adjusted.AdjustingBody));
    }

    [Fact]
    public void An_adjustment_outside_its_step_is_refused() =>
        Assert.Equal(CompleteStep.StepNotOpen, AdjustStructure.Decide(Adjust(), Given(Opened()), WithAdjustment, TestTerms.Now).Refusal?.Code);

    [Fact]
    public void A_workflow_without_an_adjustment_step_refuses_it() =>
        Assert.Equal(CompleteStep.UnknownStep, AdjustStructure.Decide(Adjust(), Given(Opened()), Version1, TestTerms.Now).Refusal?.Code);
}
