using System.Security.Claims;
using ElectionPrep.Common;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.ConsultationConferences;

/// <summary>The body of POST …/motions.</summary>
public sealed record PutMotionRequest(string MotionId, [MultiLine] string Text);

public sealed class PutMotionRequestValidator : AbstractValidator<PutMotionRequest>
{
    public PutMotionRequestValidator()
    {
        RuleFor(request => request.MotionId).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Cần mã vấn đề biểu quyết.", "The motion id is required.").Matches("^[A-Za-z0-9-]+$")
            .WithMessage("Mã vấn đề gồm chữ, số và dấu gạch ngang.", "A motion id has letters, digits and dashes.");
        RuleFor(request => request.Text).NotEmpty().WithMessage("Cần nội dung vấn đề biểu quyết.", "The motion's text is required.");
    }
}

public static class PutMotionEndpoint
{
    [WolverinePost(Routes.ConferenceMotions)]
    [WritesConference]
    [ActsOn]
    public static IResult Post(PutMotionRequest request, ConferenceForWriting loaded, IDocumentSession session, ClaimsPrincipal user)
    {
        var command = new PutMotion(loaded.Conference.Id, request.MotionId, request.Text, Actors.Of(user), loaded.RoleOf(user));
        return ConferenceStreams.Answer(session, loaded,
            PutMotion.Decide(command, loaded.Conference, loaded.Process, loaded.Definition, loaded.Term.Rules, loaded.Now));
    }
}
