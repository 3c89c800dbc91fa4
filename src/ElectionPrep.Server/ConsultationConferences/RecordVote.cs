using System.Security.Claims;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.ConsultationConferences;

/// <summary>The body of POST …/motions/{motionId}/vote.</summary>
public sealed record RecordVoteRequest(int For, int Against, int Abstain, VotingMethod Method);

public sealed class RecordVoteRequestValidator : AbstractValidator<RecordVoteRequest>
{
    public RecordVoteRequestValidator()
    {
        RuleFor(request => request.For).GreaterThanOrEqualTo(0).WithMessage("Số phiếu không được âm.", "A vote count cannot be negative.");
        RuleFor(request => request.Against).GreaterThanOrEqualTo(0).WithMessage("Số phiếu không được âm.", "A vote count cannot be negative.");
        RuleFor(request => request.Abstain).GreaterThanOrEqualTo(0).WithMessage("Số phiếu không được âm.", "A vote count cannot be negative.");
        RuleFor(request => request.Method).IsInEnum().WithMessage("Hình thức biểu quyết không hợp lệ.", "Unknown voting method.");
    }
}

public static class RecordVoteEndpoint
{
    [WolverinePost(Routes.ConferenceVote)]
    [WritesConference]
    [ActsOn]
    public static IResult Post(string motionId, RecordVoteRequest request, ConferenceForWriting loaded, IDocumentSession session, ClaimsPrincipal user)
    {
        var command = new RecordVote(loaded.Conference.Id, motionId, request.For, request.Against, request.Abstain, request.Method, Actors.Of(user),
            loaded.RoleOf(user));
        return ConferenceStreams.Answer(session, loaded,
            RecordVote.Decide(command, loaded.Conference, loaded.Process, loaded.Definition, loaded.Term.Rules, loaded.Now));
    }
}
