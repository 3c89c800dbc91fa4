using System.Security.Claims;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Workflows;

namespace ElectionPrep.Pages;

/// <summary>What a page offers the signed-in person, by the same mandate rules the API enforces whatever a page shows.</summary>
public static class Access
{
    /// <summary>Whether the person may act on a step of this kind in the process (the step's acting body, role and unit).</summary>
    public static bool MayAct(ClaimsPrincipal user, WorkflowCatalog workflows, ConsultationProcess process, StepKind kind) =>
        workflows.DefinitionOf(process).Steps.Where(step => step.Kind == kind).Any(step => MayAct(user, process, step));

    public static bool MayAct(ClaimsPrincipal user, ConsultationProcess process, WorkflowStep step) =>
        Mandate.WhyNotActOn(Actors.ActorOf(user), step, process.JurisdictionCode) is null;

    /// <summary>Whether the person may act in the conference of this round.</summary>
    public static bool MayActInRound(ClaimsPrincipal user, WorkflowCatalog workflows, ConsultationProcess process, int round) =>
        workflows.DefinitionOf(process).ConferenceStep(round) is { } step && MayAct(user, process, step);

    public static bool MayReadProtectedData(ClaimsPrincipal user, WorkflowCatalog workflows, ConsultationProcess process) =>
        Mandate.WhyNotReadProtectedData(Actors.ActorOf(user), workflows.DefinitionOf(process), process.JurisdictionPath) is null;

    /// <summary>Whether the person may open a process of some council where they sit.</summary>
    public static bool MayOpenProcesses(ClaimsPrincipal user, WorkflowCatalog workflows)
    {
        var actor = Actors.ActorOf(user);
        return workflows.All.Any(definition => Mandate.WhyNotOpen(actor, definition, [actor.Seat]) is null);
    }
}
