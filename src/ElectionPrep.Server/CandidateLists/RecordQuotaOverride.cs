using System.Security.Claims;
using ElectionPrep.Common;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.CandidateLists;

/// <summary>The body of POST …/candidate-list/quota-overrides.</summary>
public sealed record RecordQuotaOverrideRequest(string RuleId, [MultiLine] string Justification, string MinutesReference, long? ExpectedVersion = null) : IExpectsVersion;

public sealed class RecordQuotaOverrideRequestValidator : AbstractValidator<RecordQuotaOverrideRequest>
{
    public RecordQuotaOverrideRequestValidator()
    {
        RuleFor(r => r.RuleId).NotEmpty().WithMessage("Cần mã chỉ tiêu.", "The rule id is required.");
        RuleFor(r => r.ExpectedVersion).IsExpectedVersion();
        RuleFor(r => r.Justification).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Cần lý do cụ thể.", "A specific justification is required.")
            .MinimumLength(10).WithMessage("Cần lý do cụ thể.", "A specific justification is required.");
        RuleFor(r => r.MinutesReference).NotEmpty().WithMessage("Cần số biên bản hội nghị.", "The conference minutes' reference is required.");
    }
}

/// <summary>The conference chair records the decision to adopt the list despite a failing legal requirement; the answer is the recorded override.</summary>
public static class RecordQuotaOverrideEndpoint
{
    [WolverinePost(Routes.QuotaOverrides)]
    [WritesList<RecordQuotaOverrideRequest>]
    [ActsOn(StepKind.ConferenceRound)]
    public static IResult Post(RecordQuotaOverrideRequest request, ListForWriting loaded, SeedCatalog seeds, ClaimsPrincipal user)
    {
        var command = new RecordQuotaOverride(loaded.Process.Id, request.RuleId, request.Justification, request.MinutesReference, Actors.Of(user),
            Actors.RoleFor(user, [ActorRole.CommitteeChair]));
        var decision = RecordQuotaOverride.Decide(command, loaded.List, seeds.RuleSetFor(loaded.Process), loaded.Now);
        return loaded.Stream.Apply(decision, loaded.List, CandidateList.Evolve, _ => decision.Events[0]);
    }
}
