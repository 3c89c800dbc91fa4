using System.Security.Claims;
using ElectionPrep.CandidateLists;
using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Workflows;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace ElectionPrep.Http;

/// <summary>
/// Quyền truy cập: the one rule an endpoint or page states beside its code. Every mapped endpoint and page carries one
/// (or [AllowAnonymous]); the host refuses to start otherwise (<see cref="AccessDeclarations"/>). Each is enforced by
/// ASP.NET Core's authorization before the body is read, with the domain's <see cref="Mandate"/> deciding.
/// </summary>
public abstract class AccessAttribute : AuthorizeAttribute, IAuthorizationRequirementData
{
    /// <summary>Who may, in a line of docs/security.md.</summary>
    public abstract string Rule { get; }

    // ASP.NET Core builds a policy of these and refuses an empty one; every rule needs a signed-in user anyway.
    public IEnumerable<IAuthorizationRequirement> GetRequirements() =>
        Requirement is { } requirement ? [new DenyAnonymousAuthorizationRequirement(), requirement] : [new DenyAnonymousAuthorizationRequirement()];

    protected virtual AccessRequirement? Requirement => null;
}

/// <summary>Anyone signed in, observers included: reads that hold no dossier.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SignedInAttribute : AccessAttribute
{
    public override string Rule => "anyone signed in";
}

/// <summary>Administrators only: accounts and the definition a running process follows, never an election decision.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AdministersAttribute : AccessAttribute
{
    public AdministersAttribute() => Roles = nameof(ActorRole.Administrator);

    public override string Rule => "administrators";
}

/// <summary>
/// Acting on a workflow step of the process the route names: the step's acting body, in one of its roles, where that
/// body serves the process. Without a kind, the step is the route's {stepId}; a conference route's step is its round's.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ActsOnAttribute : AccessAttribute
{
    public ActsOnAttribute() => Step = null;

    public ActsOnAttribute(StepKind kind) => Step = kind;

    public StepKind? Step { get; }

    public override string Rule => Step is { } kind ? $"the acting body of the {kind} step, in its roles, for the process's unit" : "the acting body of the step acted on, in its roles, for the process's unit";

    protected override AccessRequirement Requirement => new StepMandate(Step);
}

/// <summary>Opening a process: the Front body that runs its consultations, for the unit or from above it (checked again on the body's unit).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class OpensProcessesAttribute : AccessAttribute
{
    public override string Rule => "the Front's standing board of the unit or above, in the conference roles";

    protected override AccessRequirement Requirement => new OpeningMandate();
}

/// <summary>Dossiers, lists and proceedings of the process the route names: within its unit and above until the official list is published.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ReadsDossiersAttribute : AccessAttribute
{
    public override string Rule => "signed in, within the process's unit or above; anyone signed in once the official list is published";

    protected override AccessRequirement Requirement => new DossierReading();
}

/// <summary>Protected personal data: the bodies preparing the process, where they serve it, and the Front committees above.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ReadsProtectedDataAttribute : AccessAttribute
{
    public override string Rule => "the bodies preparing the process's lists in its unit, and the Front's standing boards above";

    protected override AccessRequirement Requirement => new ProtectedDataReading();
}

/// <summary>Every process at once (the whole log's export): national accounts only.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ReadsNationallyAttribute : AccessAttribute
{
    public override string Rule => "signed in without a jurisdiction (national)";

    protected override AccessRequirement Requirement => new NationalReading();
}

/// <summary>Amending a term's legal calendar (Art. 98(3)): the National Election Council, at the centre, in a member's or clerk's role.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AmendsCalendarAttribute : AccessAttribute
{
    public override string Rule => "the National Election Council, nationally, in a chair's, member's or clerk's role";

    protected override AccessRequirement Requirement => new CalendarAmending();
}

/// <summary>A requirement that asks the domain's <see cref="Mandate"/> about the process the request names.</summary>
public abstract class AccessRequirement : IAuthorizationRequirement
{
    public abstract Task<Refusal?> WhyNotAsync(AccessRequest request);
}

/// <summary>The actor and the process a request names (by its route's id or stream id), loaded once.</summary>
public sealed class AccessRequest(HttpContext http, Actor actor, IQuerySession session, WorkflowCatalog workflows)
{
    private ConsultationProcess? process;
    private bool loaded;

    public Actor Actor => actor;

    public WorkflowCatalog Workflows => workflows;

    public IQuerySession Session => session;

    public string? RouteValue(string name) => http.Request.RouteValues[name]?.ToString();

    /// <summary>The stream the route names: a process, conference, list, candidacy or any other stream.</summary>
    public string? StreamId => RouteValue("id") ?? RouteValue("streamId");

    /// <summary>The process the route's stream belongs to, or null when it names none.</summary>
    public async Task<ConsultationProcess?> ProcessAsync()
    {
        if (loaded) return process;
        loaded = true;
        if (StreamId is not { } id) return null;
        process = await session.LoadAsync<ConsultationProcess>(await ProcessOf.StreamAsync(session, id, http.RequestAborted), http.RequestAborted);
        if (process is not null) http.Features.Set(new AccessedProcess(process));
        return process;
    }
}

/// <summary>The process a request's access check read, kept for the decision that follows so it is not read twice.</summary>
public sealed record AccessedProcess(ConsultationProcess Process);

internal sealed class StepMandate(StepKind? kind) : AccessRequirement
{
    public override async Task<Refusal?> WhyNotAsync(AccessRequest request)
    {
        // An unknown process is the endpoint's 404 to give; there is nothing to protect.
        if (await request.ProcessAsync() is not { } process) return null;
        var definition = request.Workflows.DefinitionOf(process);
        var steps = kind is { } stepKind
            ? definition.Steps.Where(step => step.Kind == stepKind).ToList()
            : StepsOfRoute(request, definition);
        if (steps.Count == 0) return null;

        var refusals = steps.Select(step => Mandate.WhyNotActOn(request.Actor, step, process.JurisdictionCode)).ToList();
        return refusals.Any(refusal => refusal is null) ? null : refusals[0];
    }

    private static List<WorkflowStep> StepsOfRoute(AccessRequest request, WorkflowDefinition definition)
    {
        if (request.RouteValue("stepId") is { } stepId) return definition.FindStep(stepId) is { } step ? [step] : [];
        return ConsultationConference.TryParseId(request.StreamId ?? "", out _, out var round) && definition.ConferenceStep(round) is { } conference
            ? [conference]
            : [];
    }
}

internal sealed class OpeningMandate : AccessRequirement
{
    // The unit comes with the body: here the actor need only be one who could open a process of some council where they sit.
    public override Task<Refusal?> WhyNotAsync(AccessRequest request)
    {
        var refusals = request.Workflows.All.Select(definition => Mandate.WhyNotOpen(request.Actor, definition, [request.Actor.Seat])).ToList();
        return Task.FromResult(refusals.Any(refusal => refusal is null) ? null : refusals[0]);
    }
}

internal sealed class DossierReading : AccessRequirement
{
    public override async Task<Refusal?> WhyNotAsync(AccessRequest request)
    {
        if (await request.ProcessAsync() is not { } process) return NationalOnly(request);
        var list = await request.Session.LoadAsync<CandidateList>(CandidateList.IdFor(process.Id));
        return Mandate.WhyNotReadDossiers(request.Actor, process.JurisdictionPath, list?.Official is not null);
    }

    /// <summary>A stream outside any process (an account's) is read nationally; a stream that does not exist is the endpoint's 404.</summary>
    private static Refusal? NationalOnly(AccessRequest request) =>
        request.Actor.Seat == Actor.Nation ? null : Mandate.WhyNotReadDossiers(request.Actor, [Actor.Nation], false);
}

internal sealed class ProtectedDataReading : AccessRequirement
{
    public override async Task<Refusal?> WhyNotAsync(AccessRequest request) =>
        await request.ProcessAsync() is { } process
            ? Mandate.WhyNotReadProtectedData(request.Actor, request.Workflows.DefinitionOf(process), process.JurisdictionPath)
            : null;
}

internal sealed class CalendarAmending : AccessRequirement
{
    public override Task<Refusal?> WhyNotAsync(AccessRequest request) => Task.FromResult(Mandate.WhyNotAmendCalendar(request.Actor));
}

internal sealed class NationalReading : AccessRequirement
{
    public override Task<Refusal?> WhyNotAsync(AccessRequest request) =>
        Task.FromResult(Mandate.WhyNotReadDossiers(request.Actor, [Actor.Nation], false));
}

/// <summary>Why a requirement failed, carried to the 403 answer.</summary>
public sealed class RefusalReason(IAuthorizationHandler handler, Refusal refusal) : AuthorizationFailureReason(handler, refusal.Detail.En)
{
    public Refusal Refusal => refusal;
}

/// <summary>Evaluates every <see cref="AccessRequirement"/> of a request with the domain's mandate rules.</summary>
public sealed class AccessHandler(WorkflowCatalog workflows) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        var pending = context.PendingRequirements.OfType<AccessRequirement>().ToList();
        if (pending.Count == 0 || context.Resource is not HttpContext http || context.User.Identity?.IsAuthenticated != true) return;

        var request = new AccessRequest(http, Actors.ActorOf(context.User), http.RequestServices.GetRequiredService<IQuerySession>(), workflows);
        foreach (var requirement in pending)
        {
            if (await requirement.WhyNotAsync(request) is { } refusal) context.Fail(new RefusalReason(this, refusal));
            else context.Succeed(requirement);
        }
    }
}
