using ElectionPrep.Common;

namespace ElectionPrep.Quotas;

/// <summary>Thay đổi giả định: a change to try on a list without recording it.</summary>
public abstract record ProposedChange;

/// <summary>Add a candidate.</summary>
public sealed record AddCandidate(QuotaSubject Candidate) : ProposedChange;

/// <summary>Remove a candidate.</summary>
public sealed record RemoveCandidate(string CandidacyId) : ProposedChange;

/// <summary>Swap one candidate out for another.</summary>
public sealed record SwapCandidate(string OutCandidacyId, QuotaSubject In) : ProposedChange;

/// <summary>Move a candidate to another constituency.</summary>
public sealed record MoveCandidate(string CandidacyId, string ConstituencyId) : ProposedChange;

/// <summary>How one rule's result changes under the proposal.</summary>
public sealed record QuotaDelta(string RuleId, string? ConstituencyId, QuotaOutcome Before, QuotaOutcome After, int CountChange, decimal SharePercentChange, int ShortfallAfter);

/// <summary>Thử trước khi ghi: evaluates the list as it would be after the changes, and the difference per rule.</summary>
public static class WhatIf
{
    public static IReadOnlyList<QuotaSubject> Apply(IEnumerable<QuotaSubject> subjects, IEnumerable<ProposedChange> changes) =>
        changes.Aggregate(subjects.ToList(), (list, change) => change switch
        {
            AddCandidate add => [.. list, add.Candidate],
            RemoveCandidate remove => list.Where(s => s.CandidacyId != remove.CandidacyId).ToList(),
            SwapCandidate swap => [.. list.Where(s => s.CandidacyId != swap.OutCandidacyId), swap.In],
            MoveCandidate move => list.Select(s => s.CandidacyId == move.CandidacyId ? s with { ConstituencyId = move.ConstituencyId } : s).ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(changes), change.GetType().Name, null),
        });

    public static (IReadOnlyList<QuotaResult> Before, IReadOnlyList<QuotaResult> After, IReadOnlyList<QuotaDelta> Deltas) Evaluate(
        RuleSet ruleSet, IReadOnlyCollection<QuotaSubject> subjects, IEnumerable<ProposedChange> changes, QuotaContext context)
    {
        var before = QuotaEvaluation.Evaluate(ruleSet, subjects, context);
        var after = QuotaEvaluation.Evaluate(ruleSet, Apply(subjects, changes).ToList(), context);
        var previous = before.ToDictionary(result => (result.RuleId, result.ConstituencyId));
        var deltas = after.Select(result =>
        {
            var old = previous.GetValueOrDefault((result.RuleId, result.ConstituencyId));
            return new QuotaDelta(result.RuleId, result.ConstituencyId, old?.Outcome ?? QuotaOutcome.Pass, result.Outcome,
                (result.Count ?? 0) - (old?.Count ?? 0), (result.SharePercent ?? 0) - (old?.SharePercent ?? 0), result.Shortfall);
        }).ToList();
        return (before, after, deltas);
    }
}
