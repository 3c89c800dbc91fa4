using ElectionPrep.Common;
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

    private static Func<ConsultationProcess, Decision> Adjusts(WorkflowDefinition definition) =>
        process => AdjustStructure.Decide(new AdjustStructure(ProcessId, Body.CouncilStandingBody, "NQ 12/NQ-HĐND", "Giảm 1 người của Hội Nông dân",
            [new NominationAllocation("Hội Nông dân xã", 2)], "clerk", ActorRole.Clerk), process, definition, TestTerms.Now);

    [Fact]
    public void The_standing_body_above_adjusts_the_structure_between_rounds_by_its_decision()
    {
        var adjusted = Spec.Process.Given(Opened(), Activated("adjusted")).When(Adjusts(WithAdjustment)).Then<StructureAdjusted>();

        Assert.Equal(("NQ 12/NQ-HĐND", Body.CouncilStandingBody), (adjusted.DecisionReference, adjusted.AdjustingBody));
    }

    [Fact]
    public void An_adjustment_outside_its_step_is_refused() =>
        Spec.Process.Given(Opened()).When(Adjusts(WithAdjustment)).ThenRefused(CompleteStep.StepNotOpen);

    [Fact]
    public void A_workflow_without_an_adjustment_step_refuses_it() =>
        Spec.Process.Given(Opened()).When(Adjusts(Version1)).ThenRefused(CompleteStep.UnknownStep);
}
