using ElectionPrep.Common;

namespace ElectionPrep.CandidateLists;

/// <summary>Ghi nhận kết quả bầu cử: the elected, each standing on the official list, no more than the seats.</summary>
public sealed record RecordElectionResults(string ConsultationProcessId, IReadOnlyList<string> Elected, string DecisionReference, string Actor)
{
    public const string ResultsRecorded = "results-already-recorded";
    public const string NotOnOfficialList = "not-on-official-list";
    public const string MoreThanSeats = "more-elected-than-seats";

    public static Decision Decide(RecordElectionResults command, CandidateList list, DateTimeOffset now)
    {
        if (ListRefusals.WhyNotOfficial(list) is { } notOfficial) return Decision.Refuse(notOfficial);

        if (list.Elected is not null)
        {
            return Decision.Refuse(ResultsRecorded, "Kết quả bầu cử đã được ghi nhận.", "The election results are already recorded.");
        }

        var official = list.Official!.SelectMany(entry => entry.CandidacyIds).Where(id => list.Entry(id)?.Status == ListEntryStatus.Standing).ToHashSet();
        if (command.Elected.Where(id => !official.Contains(id)).ToList() is { Count: > 0 } outside)
        {
            return Decision.Refuse(NotOnOfficialList, $"Không có trong danh sách chính thức: {string.Join(", ", outside)}.", $"Not on the official list: {string.Join(", ", outside)}.");
        }

        var seats = list.Constituencies.Sum(constituency => constituency.Seats);
        if (command.Elected.Distinct().Count() > seats)
        {
            return Decision.Refuse(MoreThanSeats, $"Số người trúng cử vượt {seats} ghế.", $"More elected than the {seats} seats.");
        }

        return Decision.Accept(new ElectionResultsRecorded(list.Id, command.Elected.Distinct().ToList(), command.DecisionReference, command.Actor, now));
    }
}
