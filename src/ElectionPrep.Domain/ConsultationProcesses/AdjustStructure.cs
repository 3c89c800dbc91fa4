using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>
/// Điều chỉnh cơ cấu, thành phần, số lượng người được giới thiệu: recorded by the standing body above (UBTVQH for
/// the National Assembly, TT HĐND for a People's Council) between rounds, with its decision reference.
/// </summary>
public sealed record AdjustStructure(
    string ConsultationProcessId,
    Body AdjustingBody,
    string DecisionReference,
    string Summary,
    IReadOnlyList<NominationAllocation> Allocations,
    string Actor,
    ActorRole Role)
{
    public static Decision Decide(AdjustStructure command, ConsultationProcess process, WorkflowDefinition definition, DateTimeOffset now)
    {
        var step = definition.StepOfKind(StepKind.StructureAdjustment);
        if (step is null)
        {
            return Decision.Refuse(Refusals.With(process, definition, CompleteStep.UnknownStep,
                new("Quy trình này không có bước điều chỉnh cơ cấu.", "This workflow has no structure adjustment step.")));
        }

        if (Refusals.WhyNotActOn(process, definition, step.Id, command.Role) is { } refusal) return Decision.Refuse(refusal);

        return Decision.Accept(new StructureAdjusted(process.Id, command.AdjustingBody, command.DecisionReference, command.Summary,
            command.Allocations, command.Actor, now));
    }
}
