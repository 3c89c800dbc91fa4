using System.Security.Claims;
using ElectionPrep.Common;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.Candidates;

/// <summary>The body of POST …/complaints/{complaintId}/verification.</summary>
public sealed record VerifyComplaintRequest([MultiLine] string Finding, bool Substantiated);

public sealed class VerifyComplaintRequestValidator : AbstractValidator<VerifyComplaintRequest>
{
    public VerifyComplaintRequestValidator() =>
        RuleFor(r => r.Finding).NotEmpty().WithMessage("Cần kết quả xác minh.", "The finding is required.");
}

public static class VerifyComplaintEndpoint
{
    [WolverinePost(Routes.CandidacyComplaintVerification)]
    [ActsOn(StepKind.VoterConferences)]
    [WritesCandidacy]
    public static IResult Post(string complaintId, VerifyComplaintRequest request, CandidacyForWriting loaded, ClaimsPrincipal user)
    {
        var command = new VerifyComplaint(loaded.Candidacy.Id, complaintId, request.Finding, request.Substantiated, Actors.Of(user));
        return loaded.Apply(VerifyComplaint.Decide(command, loaded.Candidacy, loaded.Now));
    }
}
