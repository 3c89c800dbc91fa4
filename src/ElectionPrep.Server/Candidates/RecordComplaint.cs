using System.Security.Claims;
using ElectionPrep.Common;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.Candidates;

/// <summary>The body of POST …/complaints.</summary>
public sealed record RecordComplaintRequest(string ComplaintId, [MultiLine] string Summary, string VerifyingBody);

public sealed class RecordComplaintRequestValidator : AbstractValidator<RecordComplaintRequest>
{
    public RecordComplaintRequestValidator()
    {
        RuleFor(r => r.ComplaintId).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Cần mã vụ việc.", "The complaint id is required.").Matches("^[A-Za-z0-9-]+$").WithMessage("Mã vụ việc gồm chữ, số và dấu gạch ngang.", "A complaint id has letters, digits and dashes.");
        RuleFor(r => r.Summary).NotEmpty().WithMessage("Cần nội dung vụ việc.", "The complaint's summary is required.");
        RuleFor(r => r.VerifyingBody).NotEmpty().WithMessage("Cần cơ quan xác minh.", "The verifying body is required.");
    }
}

public static class RecordComplaintEndpoint
{
    [WolverinePost(Routes.CandidacyComplaints)]
    [ActsOn(StepKind.VoterConferences)]
    [WritesCandidacy]
    public static IResult Post(RecordComplaintRequest request, CandidacyForWriting loaded, ClaimsPrincipal user)
    {
        var command = new RecordComplaint(loaded.Candidacy.Id, request.ComplaintId, request.Summary, request.VerifyingBody, Actors.Of(user));
        return loaded.Apply(RecordComplaint.Decide(command, loaded.Candidacy, loaded.Now));
    }
}
