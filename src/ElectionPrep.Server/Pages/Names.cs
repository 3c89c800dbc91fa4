using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.Pages;

/// <summary>
/// What the pages call the domain's roles, bodies, levels and councils, and the other choices recorded in events
/// (gender, documents, participation, voting method, kind of voter conference), in both languages.
/// </summary>
public static class Names
{
    private static readonly Dictionary<Enum, BilingualText> Known = WithDomainNames(new()
    {
        [ListEntryStatus.Standing] = new("Trong danh sách", "Standing"),
        [ListEntryStatus.Struck] = new("Bị xóa tên do vi phạm phát hiện sau", "Struck off for a violation found later"),
        [ListEntryStatus.Removed] = new("Bị xóa tên", "Removed"),
        [ListEntryStatus.Withdrawn] = new("Rút khỏi danh sách", "Withdrawn"),
        [UnitLevel.National] = new("Trung ương", "National"),
        [UnitLevel.Province] = new("Tỉnh", "Province"),
        [UnitLevel.District] = new("Huyện", "District"),
        [UnitLevel.Commune] = new("Xã", "Commune"),
        [Gender.Female] = new("Nữ", "Female"),
        [Gender.Male] = new("Nam", "Male"),
        [Participation.Participant] = new("Thành phần triệu tập", "Participant"),
        [Participation.Guest] = new("Khách mời", "Guest"),
        [VotingMethod.ShowOfHands] = new("Giơ tay", "Show of hands"),
        [VotingMethod.SecretBallot] = new("Bỏ phiếu kín", "Secret ballot"),
        [VoterConferenceKind.Residence] = new("Nơi cư trú", "Residence"),
        [VoterConferenceKind.Workplace] = new("Nơi công tác", "Workplace"),
    });

    /// <summary>The same names by the value's stored name, as an event's data holds it ("CommitteeChair").</summary>
    private static readonly Dictionary<string, BilingualText> ByStoredName =
        Known.GroupBy(pair => pair.Key.ToString(), StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First().Value, StringComparer.Ordinal);

    /// <summary>Roles, bodies, councils and documents are named where the domain's refusals name them too.</summary>
    private static Dictionary<Enum, BilingualText> WithDomainNames(Dictionary<Enum, BilingualText> names)
    {
        foreach (var role in Enum.GetValues<ActorRole>()) names[role] = ActorNames.Of(role);
        foreach (var body in Enum.GetValues<Body>()) names[body] = ActorNames.Of(body);
        foreach (var council in Enum.GetValues<CouncilKind>()) names[council] = council.Name();
        foreach (var kind in Enum.GetValues<DocumentKind>()) names[kind] = DocumentNames.Of(kind);
        return names;
    }

    public static string Of(Enum value) => Known.TryGetValue(value, out var name) ? Ui.T(name) : value.ToString();

    /// <summary>Every value of <typeparamref name="T"/> with its names in both languages, e.g. for the choices a spreadsheet's cell may hold.</summary>
    public static IReadOnlyDictionary<T, BilingualText> Both<T>() where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(value => value, value => Known.TryGetValue(value, out var name) ? name : new BilingualText(value.ToString(), value.ToString()));

    /// <summary>The name of a value stored by its name, or null when it names none of them.</summary>
    public static string? OfStored(string storedName) => ByStoredName.TryGetValue(storedName, out var name) ? Ui.T(name) : null;

    public static string OfLevel(string level) => Enum.TryParse<UnitLevel>(level, out var parsed) ? Of(parsed) : level;

    /// <summary>A kind of inbox item as the inbox names it.</summary>
    public static string OfInboxKind(string kind) => kind switch
    {
        ConsultationProcesses.InboxEndpoint.Blocked => Ui.T("Chưa đủ điều kiện", "Blocked"),
        ConsultationProcesses.InboxEndpoint.Complaint => Ui.T("Vụ việc cần xác minh", "Complaint to verify"),
        ConsultationProcesses.InboxEndpoint.Escalation => Ui.T("Cấp dưới quá hạn", "Overdue below"),
        _ => Ui.T("Đang mở", "Open"),
    };
}
