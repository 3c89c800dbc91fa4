using ElectionPrep.Common;
using System.Security.Claims;
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
public sealed record CompleteStepRequest(string? Reference, [MultiLine] string? Note, long? ExpectedVersion) : IExpectsVersion;

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
    [WritesProcess<CompleteStepRequest>]
    [ActsOn]
    public static async Task<(IResult, OutgoingMessages)> Post(
        string stepId, CompleteStepRequest request, ProcessForWriting loaded, IDocumentSession session, SeedCatalog seeds, ClaimsPrincipal user,
        CancellationToken cancellation)
    {
        var role = Actors.RoleFor(user, loaded.Definition.FindStep(stepId)?.Roles ?? []);
        var command = new CompleteStep(loaded.Process.Id, stepId, Actors.Of(user), role, request.Reference, request.Note);
        return await StepCompletion.ApplyAsync(command, loaded, session, seeds, cancellation);
    }
}

/// <summary>Signing a conference's minutes, or publishing the official list, completes its step through this automation.</summary>
public static class CompleteStepHandler
{
    public static Task<ProcessForWriting?> LoadAsync(CompleteStep command, IDocumentSession session, DecisionSources sources, CancellationToken cancellation) =>
        ProcessStreams.LoadAsync(session, sources, command.ConsultationProcessId, null, cancellation);

    public static async Task<OutgoingMessages> Handle(
        CompleteStep command, ProcessForWriting? loaded, IDocumentSession session, SeedCatalog seeds, ILogger<CompleteStep> logger, CancellationToken cancellation)
    {
        if (loaded is null) return [];

        var (result, messages) = await StepCompletion.ApplyAsync(command, loaded, session, seeds, cancellation);
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
        CompleteStep command, ProcessForWriting loaded, IDocumentSession session, SeedCatalog seeds, CancellationToken cancellation)
    {
        var gates = await StepGates.InputsAsync(session, loaded.Process, loaded.Definition, loaded.Definition.FindStep(command.StepId), loaded.Term.Rules, cancellation);
        var decision = CompleteStep.Decide(command, loaded.Process, loaded.Definition, gates, loaded.Now);
        if (decision.Refusal is { } refusal) return (Problems.Refused(refusal), []);

        ActorHeaders.ForStep(session, loaded.Definition.FindStep(command.StepId));
        loaded.Stream.AppendMany(decision.Events);
        var details = ProcessStreams.Details(ProcessStreams.After(loaded.Process, decision), loaded, seeds);
        return (details, [new ActivateReadySteps(loaded.Process.Id)]);
    }
}
