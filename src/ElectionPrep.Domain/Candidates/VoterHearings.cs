using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.Candidates;

/// <summary>
/// Lấy ý kiến cử tri theo luật định: the voter conferences the term's rules require for each candidate on the preliminary
/// list (at the place of residence for everyone, at the workplace too for a self-nominee), and which are not recorded.
/// Round 3 does not adopt its list, nor the voter conferences' step complete, while one is missing.
/// </summary>
public static class VoterHearings
{
    public const string ConferencesMissing = "voter-conferences-missing";
    public const string ConferenceMissing = "voter-conference-missing";

    /// <summary>Each missing conference as a refused item naming the candidate, at their place on the preliminary list.</summary>
    /// <param name="preliminaryList">The candidacies of the preliminary list, in its order; a struck candidate needs no hearing.</param>
    public static IReadOnlyList<RefusedItem> Missing(IReadOnlyList<Candidacy> preliminaryList, IReadOnlyList<RequiredVoterConference> required) =>
    [
        .. preliminaryList
            .Select((candidacy, index) => (Candidacy: candidacy, Position: index + 1))
            .Where(entry => entry.Candidacy.Status != CandidacyStatus.Struck)
            .SelectMany(entry => required
                .Where(conference => conference.AppliesTo(entry.Candidacy.Dossier) && entry.Candidacy.VoterConferences.TrueForAll(held => held.Kind != conference.Kind))
                .Select(conference => new RefusedItem(entry.Position, entry.Candidacy.Dossier.FullName, Refusal(conference)))),
    ];

    /// <summary>The refusal of a decision that waits for every hearing, with each missing one as an item.</summary>
    public static Refusal? WhyNotHeard(IReadOnlyList<Candidacy> preliminaryList, IReadOnlyList<RequiredVoterConference> required)
    {
        var missing = Missing(preliminaryList, required);
        if (missing.Count == 0) return null;

        var people = missing.Select(item => item.Position).Distinct().Count();
        return new Refusal(ConferencesMissing,
            new($"{people} người ứng cử trong danh sách sơ bộ chưa có đủ hội nghị cử tri theo luật định ({missing.Count} hội nghị chưa được ghi nhận).",
                $"{people} candidates on the preliminary list lack a voter conference the law requires ({missing.Count} conferences not recorded)."),
            Items: missing);
    }

    private static Refusal Refusal(RequiredVoterConference conference)
    {
        var basis = string.Join("; ", conference.Source.Basis);
        return conference.Kind == VoterConferenceKind.Workplace
            ? new(ConferenceMissing, new($"Chưa ghi nhận hội nghị cử tri nơi công tác của người tự ứng cử ({basis}).",
                $"No voter conference at the self-nominee's workplace is recorded ({basis})."))
            : new(ConferenceMissing, new($"Chưa ghi nhận hội nghị cử tri nơi cư trú ({basis}).", $"No voter conference at the place of residence is recorded ({basis})."));
    }
}
