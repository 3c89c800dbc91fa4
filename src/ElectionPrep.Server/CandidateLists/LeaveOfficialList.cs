using System.Security.Claims;
using ElectionPrep.Common;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.CandidateLists;

/// <summary>The body of POST …/candidate-list/withdrawals: who leaves the official list, by whose decision.</summary>
public record LeaveOfficialListRequest(string CandidacyId, string DecidingBody, string DecisionReference, long? ExpectedVersion = null) : IExpectsVersion;

/// <summary>The body of POST …/candidate-list/removals: a departure that also names its ground under Luật 85 Điều 60.</summary>
public sealed record RemovalRequest(string CandidacyId, [MultiLine] string Ground, string DecidingBody, string DecisionReference, long? ExpectedVersion = null)
    : LeaveOfficialListRequest(CandidacyId, DecidingBody, DecisionReference, ExpectedVersion);

public sealed class LeaveOfficialListRequestValidator : AbstractValidator<LeaveOfficialListRequest>
{
    public LeaveOfficialListRequestValidator()
    {
        RuleFor(r => r.CandidacyId).NotEmpty().WithMessage("Cần mã người ứng cử.", "The candidacy id is required.");
        RuleFor(r => r.DecidingBody).NotEmpty().WithMessage("Cần cơ quan quyết định.", "The deciding body is required.");
        RuleFor(r => r.DecisionReference).NotEmpty().WithMessage("Cần số quyết định.", "The decision's reference is required.");
        RuleFor(r => r.ExpectedVersion).IsExpectedVersion();
    }
}

public sealed class RemovalRequestValidator : AbstractValidator<RemovalRequest>
{
    public RemovalRequestValidator()
    {
        Include(new LeaveOfficialListRequestValidator());
        RuleFor(r => r.Ground).NotEmpty().WithMessage("Cần căn cứ xóa tên (Luật 85 Điều 60).", "A ground for removal (Luật 85 Điều 60) is required.");
    }
}

/// <summary>A removal (with its ground) and a withdrawal (without) both take a candidate off the published list.</summary>
public static class LeaveOfficialListEndpoint
{
    [WolverinePost(Routes.Removals)]
    [WritesList<RemovalRequest>]
    [ActsOn(StepKind.ListPublication)]
    public static IResult Remove(RemovalRequest request, ListForWriting loaded, ClaimsPrincipal user) => Leave(request, request.Ground, loaded, user);

    [WolverinePost(Routes.Withdrawals)]
    [WritesList<LeaveOfficialListRequest>]
    [ActsOn(StepKind.ListPublication)]
    public static IResult Withdraw(LeaveOfficialListRequest request, ListForWriting loaded, ClaimsPrincipal user) => Leave(request, null, loaded, user);

    private static IResult Leave(LeaveOfficialListRequest request, string? ground, ListForWriting loaded, ClaimsPrincipal user)
    {
        var command = new LeaveOfficialList(loaded.Process.Id, request.CandidacyId, ground, request.DecidingBody, request.DecisionReference, Actors.Of(user));
        return loaded.Apply(LeaveOfficialList.Decide(command, loaded.List, loaded.Now));
    }
}
