using System.Security.Claims;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.Candidates;

/// <summary>What one voter conference was: sent alike whether it heard about one candidate or several.</summary>
public interface IHeldVoterConference
{
    VoterConferenceKind Kind { get; }

    DateOnly HeldOn { get; }

    int Invited { get; }

    int Present { get; }

    IReadOnlyList<string> CountingTeam { get; }

    string MinutesReference { get; }
}

/// <summary>How the voters present voted on one candidate.</summary>
public interface ICountsVotes
{
    int Trust { get; }

    int Distrust { get; }
}

/// <summary>The body of POST …/voter-conferences.</summary>
public sealed record RecordVoterConferenceRequest(
    VoterConferenceKind Kind, DateOnly HeldOn, int Invited, int Present, int Trust, int Distrust, IReadOnlyList<string> CountingTeam, string MinutesReference)
    : IHeldVoterConference, ICountsVotes;

/// <summary>A conference's own fields, checked the same way for one candidate and for several.</summary>
public sealed class HeldVoterConferenceValidator : AbstractValidator<IHeldVoterConference>
{
    public HeldVoterConferenceValidator()
    {
        RuleFor(r => r.Kind).IsInEnum().WithMessage("Loại hội nghị không hợp lệ.", "Unknown conference kind.");
        RuleFor(r => r.Invited).GreaterThan(0).WithMessage("Cần số cử tri được mời.", "The number of voters invited is required.");
        RuleFor(r => r.Present).Cascade(CascadeMode.Stop).IsCount().LessThanOrEqualTo(r => r.Invited)
            .WithMessage("Số có mặt không vượt số được mời.", "No more present than invited.");
        RuleFor(r => r.CountingTeam).NotEmpty().WithMessage("Cần tổ kiểm phiếu hoặc người đếm biểu quyết.", "The counting team is required.");
        RuleFor(r => r.MinutesReference).NotEmpty().WithMessage("Cần số biên bản hội nghị.", "The minutes reference is required.");
    }
}

/// <summary>One candidate's votes, checked the same way alone and in a batch.</summary>
public sealed class VotesValidator : AbstractValidator<ICountsVotes>
{
    public VotesValidator()
    {
        RuleFor(r => r.Trust).GreaterThanOrEqualTo(0).WithMessage("Số phiếu không được âm.", "A vote count cannot be negative.");
        RuleFor(r => r.Distrust).GreaterThanOrEqualTo(0).WithMessage("Số phiếu không được âm.", "A vote count cannot be negative.");
    }
}

public sealed class RecordVoterConferenceRequestValidator : AbstractValidator<RecordVoterConferenceRequest>
{
    public RecordVoterConferenceRequestValidator()
    {
        Include(new HeldVoterConferenceValidator());
        Include(new VotesValidator());
    }
}

public static class RecordVoterConferenceEndpoint
{
    [WolverinePost(Routes.CandidacyVoterConferences)]
    [ActsOn(StepKind.VoterConferences)]
    [WritesCandidacy]
    public static IResult Post(RecordVoterConferenceRequest request, CandidacyForWriting loaded, ClaimsPrincipal user)
    {
        var role = Actors.RoleFor(user, loaded.Definition.StepOfKind(StepKind.VoterConferences)?.Roles ?? []);
        var command = new RecordVoterConference(loaded.Candidacy.Id, request.Kind, request.HeldOn, request.Invited, request.Present, request.Trust, request.Distrust,
            request.CountingTeam, request.MinutesReference, Actors.Of(user), role);
        return loaded.Apply(RecordVoterConference.Decide(command, loaded.Candidacy, loaded.Process, loaded.Definition, loaded.Term.Rules, loaded.Now));
    }
}
