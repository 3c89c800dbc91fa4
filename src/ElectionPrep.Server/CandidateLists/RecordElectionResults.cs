using System.Security.Claims;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.CandidateLists;

/// <summary>The body of POST …/candidate-list/elected.</summary>
public sealed record RecordElectionResultsRequest(IReadOnlyList<string> Elected, string DecisionReference, long? ExpectedVersion = null) : IExpectsVersion;

public sealed class RecordElectionResultsRequestValidator : AbstractValidator<RecordElectionResultsRequest>
{
    public RecordElectionResultsRequestValidator()
    {
        RuleFor(r => r.DecisionReference).NotEmpty().WithMessage("Cần số biên bản xác định kết quả bầu cử.", "The reference of the election result record is required.");
        RuleFor(r => r.Elected).NotEmpty().WithMessage("Cần danh sách người trúng cử.", "The list of those elected is required.");
        RuleForEach(r => r.Elected).NotEmpty().WithMessage("Mã người trúng cử không được trống.", "An elected candidacy id is empty.");
        RuleFor(r => r.Elected).Must(elected => elected is null || elected.Distinct().Count() == elected.Count)
            .WithMessage("Một người được ghi trúng cử hai lần.", "Someone is recorded as elected twice.");
        RuleFor(r => r.ExpectedVersion).IsExpectedVersion();
    }
}

/// <summary>Records who was elected, by the election body's decision (for quotas counted on the elected).</summary>
public static class RecordElectionResultsEndpoint
{
    [WolverinePost(Routes.ElectionResults)]
    [WritesList<RecordElectionResultsRequest>]
    [ActsOn(StepKind.ListPublication)]
    public static IResult Post(RecordElectionResultsRequest request, ListForWriting loaded, ClaimsPrincipal user)
    {
        var command = new RecordElectionResults(loaded.Process.Id, request.Elected ?? [], request.DecisionReference, Actors.Of(user));
        return loaded.Apply(RecordElectionResults.Decide(command, loaded.List, loaded.Now));
    }
}
