using System.Security.Claims;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.CandidateLists;

/// <summary>Where one candidate is placed: what a single placement and each item of a batch send alike.</summary>
public interface IPlacesCandidate
{
    string CandidacyId { get; }

    string ConstituencyId { get; }
}

/// <summary>The body of POST …/candidate-list/assignments.</summary>
/// <param name="ExpectedVersion">The list version the clerk last read: another clerk's change in between answers 409.</param>
public sealed record AssignConstituencyRequest(string CandidacyId, string ConstituencyId, long? ExpectedVersion) : IExpectsVersion, IPlacesCandidate;

/// <summary>A placement's fields, checked the same way alone and in a batch.</summary>
public sealed class PlacementValidator : AbstractValidator<IPlacesCandidate>
{
    public PlacementValidator()
    {
        RuleFor(r => r.CandidacyId).NotEmpty().WithMessage("Cần mã người ứng cử.", "The candidacy id is required.");
        RuleFor(r => r.ConstituencyId).NotEmpty().WithMessage("Cần mã đơn vị bầu cử.", "The constituency id is required.");
    }
}

public sealed class AssignConstituencyRequestValidator : AbstractValidator<AssignConstituencyRequest>
{
    public AssignConstituencyRequestValidator()
    {
        Include(new PlacementValidator());
        RuleFor(r => r.ExpectedVersion).IsExpectedVersion();
    }
}

public static class AssignConstituencyEndpoint
{
    [WolverinePost(Routes.Assignments)]
    [WritesList<AssignConstituencyRequest>]
    [ActsOn(StepKind.ListPublication)]
    public static IResult Post(AssignConstituencyRequest request, ListForWriting loaded, ClaimsPrincipal user)
    {
        var command = new AssignConstituency(loaded.Process.Id, request.CandidacyId, request.ConstituencyId, Actors.Of(user));
        return loaded.Apply(AssignConstituency.Decide(command, loaded.List, loaded.Now));
    }
}
