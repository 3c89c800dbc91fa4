using System.Security.Claims;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
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
    /// <summary>The chair signs the minutes; the round's workflow step then completes on the signature.</summary>
    [WolverinePost(Routes.ConferenceMinutesSignature)]
    [WritesConference]
    [ActsOn]
    public static (IResult, OutgoingMessages) Post(SignMinutesRequest request, ConferenceForWriting loaded, IDocumentSession session, ClaimsPrincipal user)
    {
        var command = new SignMinutes(loaded.Conference.Id, request.MinutesReference, Actors.Of(user), Actors.RoleFor(user, [ActorRole.CommitteeChair]));
        var decision = SignMinutes.Decide(command, loaded.Conference, loaded.Process, loaded.Definition, loaded.Term.Rules, loaded.Now);
        var completions = new OutgoingMessages();
        foreach (var signed in decision.Refusal is null ? decision.Events.OfType<MinutesSigned>() : [])
        {
            var step = loaded.Definition.ConferenceStep(signed.Round)!;
            completions.Add(new CompleteStep(signed.ConsultationProcessId, step.Id, signed.SignedBy, signed.Role, signed.MinutesReference, null));
        }

        return (ConferenceStreams.Answer(session, loaded, decision), completions);
    }
}
