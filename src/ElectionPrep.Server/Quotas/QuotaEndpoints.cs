using System.Security.Claims;
using ElectionPrep.CandidateLists;
using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.Quotas;

/// <summary>A quota evaluation as the API answers it.</summary>
public sealed record QuotaReport(string ConsultationProcessId, string RuleSetId, int RuleSetVersion, ListScope Scope, int Candidates, IReadOnlyList<QuotaResult> Results,
    IReadOnlyList<QuotaOverrideRecorded> Overrides);

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

/// <summary>The body of POST …/candidate-list/quota-overrides.</summary>
public sealed record RecordQuotaOverrideRequest(string RuleId, [MultiLine] string Justification, string MinutesReference);

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

public sealed class RecordQuotaOverrideRequestValidator : AbstractValidator<RecordQuotaOverrideRequest>
{
    public RecordQuotaOverrideRequestValidator()
    {
        RuleFor(r => r.RuleId).NotEmpty().WithMessage("Cần mã chỉ tiêu.", "The rule id is required.");
        RuleFor(r => r.Justification).NotEmpty().MinimumLength(10).WithMessage("Cần lý do cụ thể.", "A specific justification is required.");
        RuleFor(r => r.MinutesReference).NotEmpty().WithMessage("Cần số biên bản hội nghị.", "The conference minutes' reference is required.");
    }
}

public static class QuotaEndpoints
{
    /// <summary>Evaluates the rule set of the process's council on its list: standing, qualified (as it would publish) or official.</summary>
    [WolverineGet(Routes.Quotas)]
    [ReadsDossiers]
    public static async Task<IResult> Evaluate(string id, ListScope? scope, IQuerySession session, SeedCatalog seeds, WorkflowCatalog workflows, CancellationToken cancellation)
    {
        var (process, list) = await LoadAsync(session, id, cancellation);
        if (process is null) return CandidateListEndpoints.NotFound(id);
        list ??= CandidateList.Empty(id);

        var chosen = scope ?? ListScope.Standing;
        var definition = workflows.DefinitionOf(process);
        var ruleSet = seeds.RuleSetFor(process.Council);
        var unit = seeds.UnitParameters(process.JurisdictionCode);
        if (chosen == ListScope.AllocationPlan)
        {
            // The plan asks each body for a composition: its counts, over the total agreed in round 1, are what is evaluated.
            var allocations = await Candidates.FileCandidacyEndpoint.AllocationsAsync(session, id, definition, cancellation);
            var roundOne = await session.LoadAsync<ConsultationConferences.ConsultationConference>(
                ConsultationConferences.ConsultationConference.IdFor(id, definition.RoundFor(RoundPurpose.Structure)), cancellation);
            var total = roundOne?.Decisions?.TotalNominees ?? allocations.Sum(allocation => allocation.Nominees);
            var counts = allocations.SelectMany(allocation => allocation.Composition ?? new Dictionary<string, int>())
                .GroupBy(pair => pair.Key).ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value));
            return Results.Ok(new QuotaReport(id, ruleSet.Id, ruleSet.Version, chosen, total, QuotaEvaluation.EvaluateCounts(ruleSet, total, counts, unit), list.Overrides));
        }

        var subjects = await QuotaSubjects.ForAsync(session, process, definition, list, chosen, seeds, cancellation);
        return Results.Ok(new QuotaReport(id, ruleSet.Id, ruleSet.Version, chosen, subjects.Count, QuotaEvaluation.Evaluate(ruleSet, subjects, unit), list.Overrides));
    }

    /// <summary>Tries changes on the list and reports before, after and the difference per rule; records nothing.</summary>
    [WolverinePost(Routes.QuotaWhatIf)]
    [ReadsDossiers]
    [RecordsNothing("A what-if reads the list and records nothing: a retry computes the answer again.")]
    public static async Task<IResult> WhatIf(string id, WhatIfRequest request, IQuerySession session, SeedCatalog seeds, WorkflowCatalog workflows, CancellationToken cancellation)
    {
        var (process, list) = await LoadAsync(session, id, cancellation);
        if (process is null || list is null) return CandidateListEndpoints.NotFound(id);

        var subjects = await QuotaSubjects.ForAsync(session, process, workflows.DefinitionOf(process), list, request.Scope, seeds, cancellation);
        var (before, after, deltas) = Quotas.WhatIf.Evaluate(seeds.RuleSetFor(process.Council), subjects, request.Changes.ToList(), seeds.UnitParameters(process.JurisdictionCode));
        return Results.Ok(new WhatIfReport(before, after, deltas));
    }

    [WolverinePost(Routes.QuotaOverrides)]
    [ActsOn(StepKind.ConferenceRound)]
    public static async Task<IResult> RecordOverride(string id, RecordQuotaOverrideRequest request, IDocumentSession session, SeedCatalog seeds, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken cancellation)
    {
        var process = await session.LoadAsync<ConsultationProcess>(id, cancellation);
        var stream = await session.Events.FetchForWriting<CandidateList>(CandidateList.IdFor(id), cancellation);
        if (process is null || stream.Aggregate is not { } list) return CandidateListEndpoints.NotFound(id);

        var decision = RecordQuotaOverride.Decide(new RecordQuotaOverride(id, request.RuleId, request.Justification, request.MinutesReference, Actors.Of(user),
            Actors.RoleFor(user, [ActorRole.CommitteeChair])), list, seeds.RuleSetFor(process.Council), clock.GetUtcNow());
        return stream.Apply(decision, list, CandidateList.Evolve, _ => decision.Events[0]);
    }

    [WolverineGet(Routes.RuleSets)]
    [SignedIn]
    public static IReadOnlyList<RuleSet> RuleSets(SeedCatalog seeds) => seeds.RuleSets;

    private static async Task<(ConsultationProcess? Process, CandidateList? List)> LoadAsync(IQuerySession session, string id, CancellationToken cancellation) =>
        (await session.LoadAsync<ConsultationProcess>(id, cancellation), await session.LoadAsync<CandidateList>(CandidateList.IdFor(id), cancellation));
}
