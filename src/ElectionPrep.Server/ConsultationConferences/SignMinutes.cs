using System.Security.Claims;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace ElectionPrep.ConsultationConferences;

/// <summary>The body of POST …/minutes/sign.</summary>
public sealed record SignMinutesRequest(string MinutesReference);

public sealed class SignMinutesRequestValidator : AbstractValidator<SignMinutesRequest>
{
    public SignMinutesRequestValidator() =>
        RuleFor(request => request.MinutesReference).NotEmpty()
            .WithMessage("Cần số, ký hiệu biên bản.", "The minutes' reference is required.");
}

public static class SignMinutesEndpoint
{
    /// <summary>Signs the minutes; the round's workflow step then completes on the signature.</summary>
    [WolverinePost(Routes.ConferenceMinutesSignature)]
    [ActsOn]
    public static async Task<(IResult, OutgoingMessages)> Post(string id, SignMinutesRequest request, IDocumentSession session, WorkflowCatalog workflows,
        SeedCatalog seeds, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var (result, decision) = await ConferenceStreams.ActAsync(id, session, workflows, seeds, clock, user, context => SignMinutes.Decide(
            new SignMinutes(id, request.MinutesReference, context.Actor, context.Role), context.Conference, context.Process, context.Definition,
            context.Rules, context.Now), cancellation, [ActorRole.CommitteeChair]);

        var completions = new OutgoingMessages();
        foreach (var signed in decision?.Refusal is null ? decision?.Events.OfType<MinutesSigned>() ?? [] : [])
        {
            var process = (await session.LoadAsync<ConsultationProcess>(signed.ConsultationProcessId, cancellation))!;
            var step = workflows.DefinitionOf(process).ConferenceStep(signed.Round)!;
            completions.Add(new CompleteStep(signed.ConsultationProcessId, step.Id, signed.SignedBy, signed.Role, signed.MinutesReference, null));
        }

        return (result, completions);
    }
}
