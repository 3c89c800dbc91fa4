using System.Security.Claims;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.CandidateLists;

/// <summary>
/// The body of POST …/candidate-list/constituencies. With <paramref name="DryRun"/> the constituencies are decided and the
/// list shown as it would stand, and nothing is recorded (a spreadsheet's preview).
/// </summary>
public sealed record PublishConstituenciesRequest(IReadOnlyList<Constituency> Constituencies, string DecisionReference, long? ExpectedVersion, bool DryRun = false) : IExpectsVersion;

public sealed class PublishConstituenciesRequestValidator : AbstractValidator<PublishConstituenciesRequest>
{
    public PublishConstituenciesRequestValidator()
    {
        RuleFor(r => r.Constituencies).NotEmpty().WithMessage("Cần danh sách đơn vị bầu cử.", "The constituencies are required.");
        RuleFor(r => r.Constituencies).Must(list => list is null || list.Select(c => c.Id).Distinct().Count() == list.Count)
            .WithMessage("Mã đơn vị bầu cử không được trùng.", "Constituency ids must be unique.");
        RuleForEach(r => r.Constituencies).ChildRules(constituency =>
        {
            constituency.RuleFor(c => c.Id).NotEmpty().WithMessage("Cần mã đơn vị bầu cử.", "The constituency id is required.");
            constituency.RuleFor(c => c.Name).NotEmpty().WithMessage("Cần tên đơn vị bầu cử.", "The constituency name is required.");
            constituency.RuleFor(c => c.Seats).GreaterThan(0).WithMessage("Mỗi đơn vị bầu ít nhất 1 đại biểu.", "A constituency elects at least one deputy.");
        });
        RuleFor(r => r.DecisionReference).NotEmpty().WithMessage("Cần số quyết định công bố.", "The publishing decision's reference is required.");
        RuleFor(r => r.ExpectedVersion).IsExpectedVersion();
    }
}

/// <summary>Publishing the constituencies starts the process's list.</summary>
public static class PublishConstituenciesEndpoint
{
    public static Task<(IResult, ListForWriting?)> LoadAsync(
        string id, PublishConstituenciesRequest request, IDocumentSession session, DecisionSources sources, CancellationToken cancellation) =>
        ListStreams.ForStartingAsync(session, sources, id, request.ExpectedVersion, cancellation);

    [WolverinePost(Routes.Constituencies)]
    [ActsOn(StepKind.ConstituencyPublication)]
    public static IResult Post(PublishConstituenciesRequest request, ListForWriting loaded, ClaimsPrincipal user)
    {
        var command = new PublishConstituencies(loaded.Process.Id, request.Constituencies, request.DecisionReference, Actors.Of(user));
        return loaded.Apply(PublishConstituencies.Decide(command, loaded.List, loaded.Process.Council, loaded.Term.Rules, loaded.Now), request.DryRun);
    }
}
