using ElectionPrep.CandidateLists;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.Quotas;

/// <summary>A hypothetical candidate for a what-if: the attributes are given, not read from a dossier.</summary>
public sealed record HypotheticalCandidate(string CandidacyId, string FullName, string? ConstituencyId, IReadOnlyList<string> Attributes)
{
    public QuotaSubject Subject => new(CandidacyId, FullName, ConstituencyId, Attributes.ToHashSet());
}

/// <summary>A pair of candidates to swap: one out, one in.</summary>
public sealed record Swap(string Out, HypotheticalCandidate In);

/// <summary>A candidate moved to another constituency.</summary>
public sealed record Move(string CandidacyId, string ConstituencyId);

/// <summary>The body of POST …/quotas/what-if: changes tried on the list in this order, nothing recorded.</summary>
public sealed record WhatIfRequest(ListScope Scope, IReadOnlyList<HypotheticalCandidate>? Add, IReadOnlyList<string>? Remove, IReadOnlyList<Swap>? Swap, IReadOnlyList<Move>? Move)
{
    public IEnumerable<ProposedChange> Changes =>
        (Add ?? []).Select(add => (ProposedChange)new AddCandidate(add.Subject))
            .Concat((Remove ?? []).Select(id => new RemoveCandidate(id)))
            .Concat((Swap ?? []).Select(swap => new SwapCandidate(swap.Out, swap.In.Subject)))
            .Concat((Move ?? []).Select(move => new MoveCandidate(move.CandidacyId, move.ConstituencyId)));
}

public sealed record WhatIfReport(IReadOnlyList<QuotaResult> Before, IReadOnlyList<QuotaResult> After, IReadOnlyList<QuotaDelta> Deltas);

public sealed class WhatIfRequestValidator : AbstractValidator<WhatIfRequest>
{
    public WhatIfRequestValidator()
    {
        RuleFor(r => r.Scope).IsInEnum().WithMessage("Phạm vi danh sách không hợp lệ.", "Unknown list scope.");
        RuleForEach(r => r.Add).SetValidator(new HypotheticalCandidateValidator());
        RuleForEach(r => r.Remove).NotEmpty().WithMessage("Cần mã người bỏ ra.", "The candidate removed is required.");
        RuleForEach(r => r.Swap).ChildRules(swap =>
        {
            swap.RuleFor(s => s.Out).NotEmpty().WithMessage("Cần người thay ra.", "The candidate swapped out is required.");
            swap.RuleFor(s => s.In).NotNull().WithMessage("Cần người thay vào.", "The candidate swapped in is required.")
                .SetValidator(new HypotheticalCandidateValidator());
        });
        RuleForEach(r => r.Move).ChildRules(move =>
        {
            move.RuleFor(m => m.CandidacyId).NotEmpty().WithMessage("Cần người chuyển đơn vị.", "The candidate moved is required.");
            move.RuleFor(m => m.ConstituencyId).NotEmpty().WithMessage("Cần đơn vị bầu cử mới.", "The new constituency is required.");
        });
    }
}

public sealed class HypotheticalCandidateValidator : AbstractValidator<HypotheticalCandidate>
{
    public HypotheticalCandidateValidator()
    {
        RuleFor(a => a.CandidacyId).NotEmpty().WithMessage("Cần mã người ứng cử giả định.", "The hypothetical candidate's id is required.");
        RuleFor(a => a.Attributes).NotNull().WithMessage("Cần thuộc tính (có thể để trống []).", "The attributes are required (may be []).");
        RuleForEach(a => a.Attributes).Must(attribute => CandidateAttributes.Known.Contains(attribute))
            .WithMessage($"Thuộc tính không hợp lệ; dùng: {string.Join(", ", CandidateAttributes.Known)}.", $"Unknown attribute; use: {string.Join(", ", CandidateAttributes.Known)}.");
    }
}

public static class WhatIfEndpoint
{
    /// <summary>Tries changes on the list and reports before, after and the difference per rule; records nothing.</summary>
    [WolverinePost(Routes.QuotaWhatIf)]
    [ReadsDossiers]
    [RecordsNothing("A what-if reads the list and records nothing: a retry computes the answer again.")]
    public static async Task<IResult> Post(string id, WhatIfRequest request, IQuerySession session, SeedCatalog seeds, WorkflowCatalog workflows, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ConsultationProcess>(id, cancellation) is not { } process) return ProcessStreams.NotFound(id);
        if (await session.LoadAsync<CandidateList>(CandidateList.IdFor(id), cancellation) is not { } list) return ListStreams.NotFound(id);

        var subjects = await QuotaSubjects.ForAsync(session, process, workflows.DefinitionOf(process), list, request.Scope, seeds, cancellation);
        var (before, after, deltas) = WhatIf.Evaluate(seeds.RuleSetFor(process), subjects, request.Changes.ToList(),
            QuotaSubjects.ContextFor(process, list, request.Scope, seeds));
        return Results.Ok(new WhatIfReport(before, after, deltas));
    }
}
