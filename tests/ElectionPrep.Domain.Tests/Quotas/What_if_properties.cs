using ElectionPrep.Common;
using ElectionPrep.Terms;
using FsCheck.Xunit;

namespace ElectionPrep.Quotas;

public class What_if_properties
{
    private static readonly RuleBasis Law = new([new LegalBasis("Luật 85/2015/QH13")], Confirmed: true);

    private static readonly RuleSet Rules = new("x", 1, CouncilKind.CommuneCouncil, new DateOnly(2021, 1, 1),
    [
        new QuotaRule("women", new BilingualText("Nữ", "Women"), Population.OfficialList, CandidateAttributes.Woman, MeasureKind.Share,
            TargetSeverity.Requirement, Rounding.Exact, Law, new DateOnly(2021, 1, 1), AtLeastShare: Fraction.Parse("35%")),
        new QuotaRule("non-party", new BilingualText("Ngoài Đảng", "Non-Party"), Population.OfficialList, CandidateAttributes.NonParty, MeasureKind.Share,
            TargetSeverity.Target, Rounding.HalfUpToWholePercent, Law, new DateOnly(2021, 1, 1), AtLeastShare: Fraction.Parse("10%"), AtMostShare: Fraction.Parse("50%")),
        new QuotaRule("woman-each", new BilingualText("Nữ mỗi đơn vị", "Woman each"), Population.OfficialList, CandidateAttributes.Woman, MeasureKind.Count,
            TargetSeverity.Target, Rounding.Exact, Law, new DateOnly(2021, 1, 1), QuotaScope.EachConstituency, AtLeastCount: 1),
    ]);

    private static QuotaSubject Person(int id, bool woman, bool nonParty, byte constituency) =>
        new($"c{id}", $"P{id}", $"dv{constituency % 3}", new HashSet<string>(
            new[] { woman ? CandidateAttributes.Woman : null, nonParty ? CandidateAttributes.NonParty : null }.OfType<string>()));

    /// <summary>Trying changes and then evaluating gives exactly what applying them and evaluating gives.</summary>
    [Property(MaxTest = 300)]
    public bool A_what_if_equals_applying_the_change_and_evaluating(
        (bool Woman, bool NonParty, byte Constituency)[] people, byte[] removals, (bool Woman, byte Constituency)[] additions, (byte Who, byte To)[] moves)
    {
        var subjects = people.Select((p, i) => Person(i, p.Woman, p.NonParty, p.Constituency)).ToList();
        var changes = removals.Select(r => (ProposedChange)new RemoveCandidate($"c{r % Math.Max(1, people.Length)}"))
            .Concat(additions.Select((a, i) => new AddCandidate(Person(1000 + i, a.Woman, false, a.Constituency))))
            .Concat(moves.Select(m => new MoveCandidate($"c{m.Who % Math.Max(1, people.Length)}", $"dv{m.To % 3}")))
            .ToList();

        var (_, after, _) = WhatIf.Evaluate(Rules, subjects, changes);
        var applied = QuotaEvaluation.Evaluate(Rules, WhatIf.Apply(subjects, changes).ToList());

        return after.Select(Key).SequenceEqual(applied.Select(Key));
    }

    /// <summary>Filling the shortfall with people who have the attribute always meets the rule.</summary>
    [Property(MaxTest = 300)]
    public bool Closing_the_shortfall_meets_the_rule(byte women, byte others)
    {
        var total = women + others;
        if (total == 0) return true;
        var result = QuotaEvaluation.Evaluate(Rules, Enumerable.Range(0, total).Select(i => Person(i, i < women, false, 0)).ToList())[0];

        var fixedList = Enumerable.Range(0, total).Select(i => Person(i, i < women + result.Shortfall, false, 0)).ToList();
        return QuotaEvaluation.Evaluate(Rules, fixedList)[0].Outcome == QuotaOutcome.Pass
            && (result.Shortfall == 0 || QuotaEvaluation.Evaluate(Rules, Enumerable.Range(0, total).Select(i => Person(i, i < women + result.Shortfall - 1, false, 0)).ToList())[0].Outcome == QuotaOutcome.Fail);
    }

    private static string Key(QuotaResult result) => $"{result.RuleId}/{result.ConstituencyId}/{result.Count}/{result.Total}/{result.Outcome}/{result.Shortfall}";
}
