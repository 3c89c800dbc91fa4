using ElectionPrep.Common;
using System.Security.Claims;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>The body of POST …/structure-adjustments: the adjusting body's decision and the allocations it sets.</summary>
public sealed record AdjustStructureRequest(
    Body AdjustingBody, string DecisionReference, [MultiLine] string Summary, IReadOnlyList<NominationAllocation> Allocations, long? ExpectedVersion)
    : IExpectsVersion;

public sealed class AdjustStructureRequestValidator : AbstractValidator<AdjustStructureRequest>
{
    public AdjustStructureRequestValidator()
    {
        RuleFor(request => request.AdjustingBody)
            .Must(body => body is Body.NationalAssemblyStandingCommittee or Body.CouncilStandingBody)
            .WithMessage("Chỉ UBTVQH hoặc Thường trực HĐND điều chỉnh cơ cấu.", "Only the NA Standing Committee or a council's standing body adjusts the structure.");
        RuleFor(request => request.DecisionReference).NotEmpty()
            .WithMessage("Cần số, ký hiệu văn bản điều chỉnh.", "The adjusting decision's reference is required.");
        RuleFor(request => request.Summary).NotEmpty()
            .WithMessage("Cần tóm tắt nội dung điều chỉnh.", "A summary of the adjustment is required.");
        RuleForEach(request => request.Allocations).ChildRules(allocation =>
        {
            allocation.RuleFor(a => a.NominatingBody).NotEmpty()
                .WithMessage("Cần tên cơ quan, tổ chức, đơn vị.", "The nominating body is required.");
            allocation.RuleFor(a => a.Nominees).IsCount();
            allocation.RuleFor(a => a.Composition).IsComposition();
        });
        RuleFor(request => request.ExpectedVersion).IsExpectedVersion();
    }
}

public static class AdjustStructureEndpoint
{
    [WolverinePost(Routes.StructureAdjustments)]
    [WritesProcess<AdjustStructureRequest>]
    [ActsOn(StepKind.StructureAdjustment)]
    public static IResult Post(AdjustStructureRequest request, ProcessForWriting loaded, SeedCatalog seeds, ClaimsPrincipal user)
    {
        var step = loaded.Definition.StepOfKind(StepKind.StructureAdjustment);
        var command = new AdjustStructure(loaded.Process.Id, request.AdjustingBody, request.DecisionReference, request.Summary, request.Allocations,
            Actors.Of(user), Actors.RoleFor(user, step?.Roles ?? []));
        var decision = AdjustStructure.Decide(command, loaded.Process, loaded.Definition, loaded.Now);
        if (decision.Refusal is { } refusal) return Problems.Refused(refusal);

        loaded.Stream.AppendMany(decision.Events);
        return ProcessStreams.Details(loaded.Process, loaded, seeds);
    }
}
