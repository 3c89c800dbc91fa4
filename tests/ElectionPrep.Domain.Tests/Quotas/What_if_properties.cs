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
            TargetSeverity.Requirement, Rounding.Exact, QuotaBase.Candidates, Law, new DateOnly(2021, 1, 1), AtLeastShare: Fraction.Parse("35%")),
        new QuotaRule("non-party", new BilingualText("Ngoài Đảng", "Non-Party"), Population.OfficialList, CandidateAttributes.NonParty, MeasureKind.Share,
            TargetSeverity.Target, Rounding.HalfUpToWholePercent, QuotaBase.Candidates, Law, new DateOnly(2021, 1, 1), AtLeastShare: Fraction.Parse("10%"), AtMostShare: Fraction.Parse("50%")),
        new QuotaRule("woman-each", new BilingualText("Nữ mỗi đơn vị", "Woman each"), Population.OfficialList, CandidateAttributes.Woman, MeasureKind.Count,
            TargetSeverity.Target, Rounding.Exact, QuotaBase.Candidates, Law, new DateOnly(2021, 1, 1), QuotaScope.EachConstituency, AtLeastCount: 1),
    ]);

    private static QuotaSubject Person(int id, bool woman, bool nonParty, byte constituency) =>
        new($"c{id}", $"P{id}", $"dv{constituency % 3}", new HashSet<string>(
            new[] { woman ? CandidateAttributes.Woman : null, nonParty ? CandidateAttributes.NonParty : null }.OfType<string>()));

    /// <summary>
    /// Trying changes counts what a clerk would count by hand: a plain model of the list, changed one step at a time,
    /// gives the women on the list and in each constituency, and the change from before.
    /// </summary>
    [Property(MaxTest = 300)]
    public bool A_what_if_counts_the_list_as_changed_by_hand(
        (bool Woman, bool NonParty, byte Constituency)[] people, byte[] removals, (bool Woman, byte Constituency)[] additions, (byte Who, byte To)[] moves)
    {
        var subjects = people.Select((p, i) => Person(i, p.Woman, p.NonParty, p.Constituency)).ToList();
        var removed = removals.Select(r => $"c{r % Math.Max(1, people.Length)}").ToList();
        var moved = moves.Select(m => (Id: $"c{m.Who % Math.Max(1, people.Length)}", To: $"dv{m.To % 3}")).ToList();
        var changes = removed.Select(id => (ProposedChange)new RemoveCandidate(id))
            .Concat(additions.Select((a, i) => new AddCandidate(Person(1000 + i, a.Woman, false, a.Constituency))))
            .Concat(moved.Select(m => new MoveCandidate(m.Id, m.To)))
            .ToList();

        var model = new Dictionary<string, (bool Woman, string Constituency)>();
        for (var i = 0; i < people.Length; i++) model[$"c{i}"] = (people[i].Woman, $"dv{people[i].Constituency % 3}");
        foreach (var id in removed) model.Remove(id);
        for (var i = 0; i < additions.Length; i++) model[$"c{1000 + i}"] = (additions[i].Woman, $"dv{additions[i].Constituency % 3}");
        foreach (var (id, to) in moved)
        {
            if (model.TryGetValue(id, out var person)) model[id] = person with { Constituency = to };
        }

        var (_, after, deltas) = WhatIf.Evaluate(Rules, subjects, changes, Evaluating_quotas.OfficialList);

        var women = after.Single(result => result.RuleId == "women");
        var womenBefore = people.Count(p => p.Woman);
        var eachConstituency = after.Where(result => result.RuleId == "woman-each")
            .ToDictionary(result => result.ConstituencyId!, result => result.Count);
        var expectedEach = model.Values.GroupBy(p => p.Constituency).ToDictionary(g => g.Key, g => g.Count(p => p.Woman));
        return women.Count == model.Values.Count(p => p.Woman)
            && women.Total == model.Count
            && deltas.Single(delta => delta.RuleId == "women").CountChange == women.Count - womenBefore
            && expectedEach.All(pair => eachConstituency.GetValueOrDefault(pair.Key) == pair.Value);
    }

    /// <summary>Filling the shortfall with people who have the attribute always meets the rule.</summary>
    [Property(MaxTest = 300)]
    public bool Closing_the_shortfall_meets_the_rule(byte women, byte others)
    {
        var total = women + others;
        if (total == 0) return true;
        var result = QuotaEvaluation.Evaluate(Rules, Enumerable.Range(0, total).Select(i => Person(i, i < women, false, 0)).ToList(), Evaluating_quotas.OfficialList)[0];

        var fixedList = Enumerable.Range(0, total).Select(i => Person(i, i < women + result.Shortfall, false, 0)).ToList();
        return QuotaEvaluation.Evaluate(Rules, fixedList, Evaluating_quotas.OfficialList)[0].Outcome == QuotaOutcome.Pass
            && (result.Shortfall == 0 || QuotaEvaluation.Evaluate(Rules, Enumerable.Range(0, total).Select(i => Person(i, i < women + result.Shortfall - 1, false, 0)).ToList(), Evaluating_quotas.OfficialList)[0].Outcome == QuotaOutcome.Fail);
    }
}
