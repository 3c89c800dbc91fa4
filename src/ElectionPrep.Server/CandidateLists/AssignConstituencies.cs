using System.Security.Claims;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using Wolverine.Http;

namespace ElectionPrep.CandidateLists;

/// <summary>One candidate's place in a batch: the candidacy and the constituency it goes to.</summary>
public sealed record CandidatePlacement(string CandidacyId, string ConstituencyId) : IPlacesCandidate;

/// <summary>
/// The body of POST …/candidate-list/assignments/batches: several placements on the list in one submit. With
/// <paramref name="DryRun"/> the batch is decided and the list shown as it would stand, and nothing is recorded.
/// </summary>
/// <param name="ExpectedVersion">The list version the clerk last read: another clerk's change in between answers 409.</param>
public sealed record AssignConstituenciesRequest(IReadOnlyList<CandidatePlacement> Assignments, long? ExpectedVersion, bool DryRun = false) : IExpectsVersion;

public sealed class AssignConstituenciesRequestValidator : AbstractValidator<AssignConstituenciesRequest>
{
    public AssignConstituenciesRequestValidator()
    {
        RuleFor(r => r.Assignments).IsBatch("người ứng cử được xếp", ("placement", "placements"));
        RuleForEach(r => r.Assignments).SetValidator(new PlacementValidator());
        RuleFor(r => r.ExpectedVersion).IsExpectedVersion();
    }
}

/// <summary>Places a batch of candidates as one decision: every placement is recorded, or none is and every refused one is named.</summary>
public static class AssignConstituenciesEndpoint
{
    [WolverinePost(Routes.AssignmentBatches)]
    [WritesList<AssignConstituenciesRequest>]
    [ActsOn(StepKind.ListPublication)]
    public static IResult Post(AssignConstituenciesRequest request, ListForWriting loaded, ClaimsPrincipal user)
    {
        var actor = Actors.Of(user);
        var command = new AssignConstituencies(loaded.Process.Id,
            [.. request.Assignments.Select(placement => new AssignConstituency(loaded.Process.Id, placement.CandidacyId, placement.ConstituencyId, actor))]);
        return loaded.Apply(AssignConstituencies.Decide(command, loaded.List, loaded.Now), request.DryRun);
    }
}
