using ElectionPrep.Common;

namespace ElectionPrep.CandidateLists;

/// <summary>Refusals shared by the decisions on a candidate list.</summary>
public static class ListRefusals
{
    public const string ListIsOfficial = "list-is-official";
    public const string ListNotOfficial = "list-not-official";
    public const string UnknownCandidate = "unknown-candidate";
    public const string CandidateNotStanding = "candidate-not-standing";
    public const string UnknownConstituency = "unknown-constituency";
    public const string DistrustedWithoutSpecialCase = "distrusted-without-special-case";

    public static Refusal? WhyNotOfficial(CandidateList list) =>
        list.Stage != CandidateListStage.Official
            ? new Refusal(ListNotOfficial, new("Danh sách chính thức chưa công bố.", "The official list is not published yet."))
            : null;

    /// <summary>
    /// Distrusted by voters beyond the seeded exclusion threshold (the figure is data, so the text does not restate it):
    /// such people go forward only as a special case, with its reason, that consultation round 3 decides.
    /// </summary>
    public static Refusal Distrusted(IEnumerable<string> fullNames) => new(DistrustedWithoutSpecialCase, new(
        $"Bị cử tri không tín nhiệm quá ngưỡng loại mà hội nghị hiệp thương lần thứ ba chưa quyết định là trường hợp đặc biệt có lý do: {string.Join(", ", fullNames)}.",
        $"Distrusted by voters beyond the exclusion threshold, and no special case with its reason decided by consultation round 3: {string.Join(", ", fullNames)}."));

    public static Refusal? WhyNotPrepare(CandidateList list) =>
        list.Stage == CandidateListStage.Official
            ? new Refusal(ListIsOfficial, new("Danh sách chính thức đã công bố; chỉ còn xóa tên hoặc rút khỏi danh sách theo quyết định.",
                "The official list is published; only removals and withdrawals by decision remain."))
            : null;

    public static Refusal Unknown(string candidacyId) =>
        new(UnknownCandidate, new($"Không có người ứng cử '{candidacyId}' trong danh sách.", $"There is no candidate '{candidacyId}' on the list."));

    public static Refusal? WhyNotStanding(CandidateList list, string candidacyId) => list.Entry(candidacyId) switch
    {
        null => Unknown(candidacyId),
        { Status: not ListEntryStatus.Standing } entry => new Refusal(CandidateNotStanding, entry.Status switch
        {
            ListEntryStatus.Withdrawn => new("Người ứng cử đã rút khỏi danh sách.", "The candidate has withdrawn from the list."),
            _ => new("Người ứng cử đã bị xóa tên khỏi danh sách.", "The candidate has been struck from the list."),
        }),
        _ => null,
    };
}
