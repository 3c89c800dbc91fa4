using System.Globalization;
using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.CandidateLists;

/// <summary>A constituency short of the candidates the law requires for its seats.</summary>
public sealed record ConstituencyShortfall(string ConstituencyId, int Seats, int Candidates, int Required, IReadOnlyList<LegalBasis> Basis);

/// <summary>
/// Quy định về danh sách: seats per constituency, candidates at least seats + n, and the legal order of names.
/// The figures come from the term's rule parameters.
/// </summary>
public static class ListRules
{
    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    /// <summary>The most seats a constituency of this council may have, with its legal basis.</summary>
    public static SeatLimit SeatLimitFor(CouncilKind council, RuleParameters rules) =>
        rules.MaxSeatsPerConstituency.Single(limit => limit.AppliesTo.Contains(council));

    /// <summary>The fewest candidates a constituency of <paramref name="seats"/> seats may have.</summary>
    public static (int Required, IReadOnlyList<LegalBasis> Basis) MinimumCandidates(int seats, CouncilKind council, RuleParameters rules)
    {
        var rule = rules.CandidatesBeyondSeats.Single(size => size.AppliesTo.Contains(council) && size.FromSeats <= seats && seats <= size.ToSeats);
        return (seats + rule.ExtraCandidates, rule.Source.Basis);
    }

    /// <summary>Every constituency with fewer candidates than the law requires.</summary>
    public static IReadOnlyList<ConstituencyShortfall> Shortfalls(
        IEnumerable<Constituency> constituencies, Func<string, int> candidatesIn, CouncilKind council, RuleParameters rules) =>
        constituencies
            .Select(constituency => (constituency, minimum: MinimumCandidates(constituency.Seats, council, rules), count: candidatesIn(constituency.Id)))
            .Where(pair => pair.count < pair.minimum.Required)
            .Select(pair => new ConstituencyShortfall(pair.constituency.Id, pair.constituency.Seats, pair.count, pair.minimum.Required, pair.minimum.Basis))
            .ToList();

    /// <summary>
    /// Thứ tự theo vần A, B, C: by given name (the last word) in Vietnamese collation, then by the whole name, so
    /// "Nguyễn Văn Ân" comes before "Lê Thị Bình" and "Ă" after "A".
    /// </summary>
    public static int CompareNames(string left, string right)
    {
        var byGivenName = Vietnamese.Compare(GivenName(left), GivenName(right), CompareOptions.None);
        return byGivenName != 0 ? byGivenName : Vietnamese.Compare(left, right, CompareOptions.None);
    }

    public static IEnumerable<T> InLegalOrder<T>(IEnumerable<T> items, Func<T, string> fullName) =>
        items.Order(Comparer<T>.Create((left, right) => CompareNames(fullName(left), fullName(right))));

    private static string GivenName(string fullName) => fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
}
