using ElectionPrep.Common;
using System.Security.Claims;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>The body of POST …/steps/{stepId}/complete.</summary>
/// <param name="Reference">The decision, minutes or document the completion rests on.</param>
/// <param name="ExpectedVersion">The process version the client last read; a newer one answers 409.</param>
public sealed record CompleteStepRequest(string? Reference, [MultiLine] string? Note, long? ExpectedVersion);

public sealed class CompleteStepRequestValidator : AbstractValidator<CompleteStepRequest>
{
    public CompleteStepRequestValidator()
    {
        RuleFor(r => r.Reference).MaximumLength(200).WithMessage("Số văn bản quá dài (tối đa 200 ký tự).", "The reference is too long (200 characters at most).");
        RuleFor(r => r.Note).MaximumLength(2000).WithMessage("Ghi chú quá dài (tối đa 2000 ký tự).", "The note is too long (2000 characters at most).");
        RuleFor(r => r.ExpectedVersion).IsExpectedVersion();
    }
}

public static class CompleteStepEndpoint
{
    [WolverinePost(Routes.StepCompletion)]
    [ActsOn]
    public static async Task<(IResult, OutgoingMessages)> Post(
        string id, string stepId, CompleteStepRequest request, IDocumentSession session, WorkflowCatalog workflows, SeedCatalog seeds,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellation)
    {
        if (await StaleVersions.RefuseAsync(session, id, request.ExpectedVersion, cancellation) is { } stale) return (stale, []);
        var loaded = await ProcessStreams.LoadAsync(session, workflows, id, request.ExpectedVersion, cancellation);
        if (loaded is null) return (ProcessStreams.NotFound(id), []);

        var role = Actors.RoleFor(user, loaded.Definition.FindStep(stepId)?.Roles ?? []);
        var command = new CompleteStep(id, stepId, Actors.Of(user), role, request.Reference, request.Note);
        return await StepCompletion.ApplyAsync(command, loaded, session, seeds, clock, cancellation);
    }
}

/// <summary>Signing a conference's minutes completes its round's step through this automation.</summary>
public static class CompleteStepHandler
{
    public static async Task<OutgoingMessages> Handle(
        CompleteStep command, IDocumentSession session, WorkflowCatalog workflows, SeedCatalog seeds, TimeProvider clock,
        ILogger<CompleteStep> logger, CancellationToken cancellation)
    {
        var loaded = await ProcessStreams.LoadAsync(session, workflows, command.ConsultationProcessId, null, cancellation);
        if (loaded is null) return [];

        var (result, messages) = await StepCompletion.ApplyAsync(command, loaded, session, seeds, clock, cancellation);
        if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status409Conflict })
        {
            // Redelivered after the step already completed, or the step moved on: nothing to do, but say so.
            logger.LogWarning("Step {Step} of {Process} was not completed by {Actor}: refused", command.StepId, command.ConsultationProcessId, command.Actor);
        }

        return messages;
    }
}

public static class StepCompletion
{
    public static async Task<(IResult Result, OutgoingMessages Messages)> ApplyAsync(
        CompleteStep command, ProcessForWriting loaded, IDocumentSession session, SeedCatalog seeds, TimeProvider clock, CancellationToken cancellation)
    {
        var conference = loaded.Definition.FindStep(command.StepId)?.Round is { } round
            ? await session.LoadAsync<ConsultationConference>(ConsultationConference.IdFor(loaded.Process.Id, round), cancellation)
            : null;
        var gates = new GateInputs(conference, seeds.FindTerm(loaded.Process.TermId)!.Rules);
        var decision = CompleteStep.Decide(command, loaded.Process, loaded.Definition, gates, clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return (Problems.Refused(refusal), []);

        ActorHeaders.ForStep(session, loaded.Definition.FindStep(command.StepId));
        loaded.Stream.AppendMany(decision.Events);
        var details = ProcessStreams.Details(ProcessStreams.After(loaded.Process, decision), loaded.Definition, seeds,
            loaded.Stream.CurrentVersion ?? 0);
        return (details, [new ActivateReadySteps(loaded.Process.Id)]);
    }
}
