using System.Globalization;
using System.Text.Json.Nodes;
using ElectionPrep.Audit;
using ElectionPrep.Common;

namespace ElectionPrep.Pages.Audit;

/// <summary>One line of an event's summary: what a member is called and its values as a person reads them.</summary>
public sealed record SummaryLine(string Label, IReadOnlyList<string> Values);

/// <summary>
/// Tóm tắt sự kiện: an event's public data as a person reads it. Members are named in the page's language; roles,
/// bodies and choices by their names; times in the term's zone; steps by their title and units by their name. Internal
/// ids and codes are left out, and a list of ids is counted.
/// </summary>
public sealed class EventSummary(TimeZoneInfo zone, Func<string, BilingualText?> stepTitle, Func<string, string?> unitName)
{
    private static readonly Dictionary<string, BilingualText> Members = new(StringComparer.Ordinal)
    {
        ["Abstain"] = new("Không biểu quyết", "Abstained"),
        ["ActivatedAt"] = new("Mở lúc", "Opened at"),
        ["AdjustedAt"] = new("Điều chỉnh lúc", "Adjusted at"),
        ["AdjustedBy"] = new("Người điều chỉnh", "Adjusted by"),
        ["AdjustingBody"] = new("Cơ quan điều chỉnh", "Adjusting body"),
        ["Adopted"] = new("Được thông qua", "Adopted"),
        ["Against"] = new("Không tán thành", "Against"),
        ["Allocations"] = new("Phân bổ người được giới thiệu", "Allocations"),
        ["AssignedAt"] = new("Xếp lúc", "Assigned at"),
        ["AssignedBy"] = new("Người xếp", "Assigned by"),
        ["BarringGrounds"] = new("Trường hợp không được ứng cử", "Barring grounds"),
        ["Body"] = new("Cơ quan", "Body"),
        ["CandidacyIds"] = new("Số người ứng cử", "Candidates"),
        ["Candidates"] = new("Người ứng cử", "Candidates"),
        ["Chair"] = new("Người chủ trì", "Chair"),
        ["ChangedAt"] = new("Đổi lúc", "Changed at"),
        ["Changes"] = new("Thay đổi", "Changes"),
        ["CompletedAt"] = new("Hoàn thành lúc", "Completed at"),
        ["CompletedBy"] = new("Người hoàn thành", "Completed by"),
        ["Composition"] = new("Thành phần", "Composition"),
        ["Constituencies"] = new("Đơn vị bầu cử", "Constituencies"),
        ["ConvenedAt"] = new("Triệu tập lúc", "Convened at"),
        ["ConvenedBy"] = new("Người triệu tập", "Convened by"),
        ["CorrectedAt"] = new("Sửa lúc", "Corrected at"),
        ["CorrectedBy"] = new("Người sửa", "Corrected by"),
        ["Council"] = new("Hội đồng nhân dân / Quốc hội", "Council"),
        ["CountingTeam"] = new("Tổ kiểm phiếu", "Counting team"),
        ["CreatedAt"] = new("Tạo lúc", "Created at"),
        ["CreatedBy"] = new("Người tạo", "Created by"),
        ["DateOfBirth"] = new("Ngày sinh", "Date of birth"),
        ["DaysBefore"] = new("Số ngày trước hạn", "Days before the deadline"),
        ["DecidedBy"] = new("Người quyết định", "Decided by"),
        ["DecidingBody"] = new("Cơ quan quyết định", "Deciding body"),
        ["Decisions"] = new("Kết quả", "Decisions"),
        ["DecisionReference"] = new("Số quyết định", "Decision reference"),
        ["DefinitionVersion"] = new("Phiên bản quy trình", "Workflow version"),
        ["Distrust"] = new("Không tín nhiệm", "Distrust"),
        ["Distrusted"] = new("Quá tỷ lệ không tín nhiệm", "Distrusted beyond the threshold"),
        ["Documents"] = new("Giấy tờ", "Documents"),
        ["Dossier"] = new("Hồ sơ", "Dossier"),
        ["DueAt"] = new("Hạn", "Due"),
        ["OriginalDueAt"] = new("Hạn ban đầu", "Original deadline"),
        ["AmendedAt"] = new("Điều chỉnh lúc", "Amended at"),
        ["AmendedBy"] = new("Người điều chỉnh", "Amended by"),
        ["Number"] = new("Lần điều chỉnh", "Amendment number"),
        ["Education"] = new("Trình độ học vấn", "Education"),
        ["ElectedCandidacyIds"] = new("Số người trúng cử", "Elected"),
        ["EscalatedTo"] = new("Báo lên", "Escalated to"),
        ["Ethnicity"] = new("Dân tộc", "Ethnicity"),
        ["FiledAt"] = new("Nộp lúc", "Filed at"),
        ["FiledBy"] = new("Người nhận hồ sơ", "Filed by"),
        ["Finding"] = new("Kết luận", "Finding"),
        ["For"] = new("Tán thành", "For"),
        ["FromVersion"] = new("Từ phiên bản", "From version"),
        ["FullName"] = new("Họ và tên", "Full name"),
        ["Signatory"] = new("Người ký văn bản", "Signs forms as"),
        ["Title"] = new("Chức vụ", "Title"),
        ["FullTime"] = new("Hoạt động chuyên trách", "Full time"),
        ["Gender"] = new("Giới tính", "Gender"),
        ["Ground"] = new("Lý do", "Ground"),
        ["HeldOn"] = new("Ngày họp", "Held on"),
        ["IncumbentOf"] = new("Đang là đại biểu", "Incumbent of"),
        ["Invited"] = new("Số được mời", "Invited"),
        ["Invitees"] = new("Thành phần", "Invitees"),
        ["IsSelfNominated"] = new("Tự ứng cử", "Self-nominated"),
        ["Jurisdiction"] = new("Địa bàn", "Jurisdiction"),
        ["JurisdictionName"] = new("Địa bàn", "Jurisdiction"),
        ["Justification"] = new("Lý do", "Justification"),
        ["Kind"] = new("Loại", "Kind"),
        ["LeadershipDecision"] = new("Quyết định của lãnh đạo", "Leadership decision"),
        ["LeadershipProposal"] = new("Đề xuất của lãnh đạo", "Leadership proposal"),
        ["Method"] = new("Hình thức biểu quyết", "Voting method"),
        ["MigratedAt"] = new("Chuyển lúc", "Migrated at"),
        ["MigratedBy"] = new("Người chuyển", "Migrated by"),
        ["MinutesReference"] = new("Số biên bản", "Minutes reference"),
        ["MissingDocuments"] = new("Giấy tờ còn thiếu", "Missing documents"),
        ["Name"] = new("Tên", "Name"),
        ["Nationality"] = new("Quốc tịch", "Nationality"),
        ["NominatedBy"] = new("Đơn vị giới thiệu", "Nominated by"),
        ["NominatingBody"] = new("Cơ quan, tổ chức giới thiệu", "Nominating body"),
        ["Nomination"] = new("Giới thiệu", "Nomination"),
        ["Nominees"] = new("Số người được giới thiệu", "Nominees"),
        ["Note"] = new("Ghi chú", "Note"),
        ["OpenedAt"] = new("Mở lúc", "Opened at"),
        ["OpenedBy"] = new("Người mở", "Opened by"),
        ["OtherNationalities"] = new("Quốc tịch khác", "Other nationalities"),
        ["Participation"] = new("Tư cách", "Participation"),
        ["PartyMember"] = new("Đảng viên", "Party member"),
        ["Place"] = new("Địa điểm", "Place"),
        ["PlannedAt"] = new("Dự kiến lúc", "Planned at"),
        ["PlannedBy"] = new("Người dự kiến", "Planned by"),
        ["Present"] = new("Số có mặt", "Present"),
        ["PresentInviteeIds"] = new("Số người có mặt", "Present"),
        ["Profession"] = new("Nghề nghiệp, chức vụ", "Profession"),
        ["PublishedAt"] = new("Công bố lúc", "Published at"),
        ["PublishedBy"] = new("Người công bố", "Published by"),
        ["PutAt"] = new("Đưa ra lúc", "Put at"),
        ["PutBy"] = new("Người đưa ra", "Put by"),
        ["Reason"] = new("Lý do", "Reason"),
        ["RecordedAt"] = new("Ghi nhận lúc", "Recorded at"),
        ["RecordedBy"] = new("Người ghi nhận", "Recorded by"),
        ["Reference"] = new("Số văn bản", "Reference"),
        ["RegisteredAt"] = new("Ghi nhận lúc", "Registered at"),
        ["ReleasedAt"] = new("Bỏ ghi nhận lúc", "Released at"),
        ["Religion"] = new("Tôn giáo", "Religion"),
        ["RemovedAt"] = new("Xóa tên lúc", "Removed at"),
        ["RescheduledAt"] = new("Đổi hạn lúc", "Rescheduled at"),
        ["ResetAt"] = new("Đặt lại lúc", "Reset at"),
        ["ResetBy"] = new("Người đặt lại", "Reset by"),
        ["Role"] = new("Vai trò", "Role"),
        ["Roles"] = new("Vai trò", "Roles"),
        ["Round"] = new("Lần hiệp thương", "Round"),
        ["ScheduledAt"] = new("Họp lúc", "Scheduled at"),
        ["Seats"] = new("Số đại biểu được bầu", "Seats"),
        ["SentAt"] = new("Gửi lúc", "Sent at"),
        ["SignedAt"] = new("Ký lúc", "Signed at"),
        ["SignedBy"] = new("Người ký", "Signed by"),
        ["SpecialCases"] = new("Trường hợp đặc biệt", "Special cases"),
        ["StepId"] = new("Bước", "Step"),
        ["StruckAt"] = new("Xóa tên lúc", "Struck at"),
        ["Substantiated"] = new("Có cơ sở", "Substantiated"),
        ["Summary"] = new("Nội dung", "Summary"),
        ["Text"] = new("Nội dung", "Text"),
        ["ToVersion"] = new("Sang phiên bản", "To version"),
        ["TotalNominees"] = new("Tổng số người được giới thiệu", "Total nominees"),
        ["Trust"] = new("Tín nhiệm", "Trust"),
        ["VerifiedAt"] = new("Xác minh lúc", "Verified at"),
        ["VerifiedBy"] = new("Người xác minh", "Verified by"),
        ["VerifyingBody"] = new("Cơ quan xác minh", "Verifying body"),
        ["WithdrawnAt"] = new("Rút lúc", "Withdrawn at"),
        ["Workplace"] = new("Nơi công tác", "Workplace"),
        ["WorkplaceConference"] = new("Hội nghị cử tri nơi công tác", "Workplace voter conference"),
    };

    /// <summary>Codes a person cannot read (the units' names, the quota attributes' meaning and the files are shown elsewhere).</summary>
    private static readonly HashSet<string> Codes = new(StringComparer.Ordinal)
    {
        "Attributes", "JurisdictionCode", "JurisdictionPath", "ResidenceUnitCode", "Sha256", "WorkplaceUnitCode",
    };

    private static readonly HashSet<string> Units = new(StringComparer.Ordinal) { "EscalatedTo", "Jurisdiction" };

    /// <summary>Whether a member is shown: not an internal id (a list of ids is counted) nor a code; a step is shown by its title.</summary>
    public static bool Shows(string member) =>
        member == "StepId" || !(member.EndsWith("Id", StringComparison.Ordinal) || Codes.Contains(member) || string.Equals(member, AuditData.ProtectedMember, StringComparison.OrdinalIgnoreCase));

    /// <summary>What the page calls a member, or null when it has no name yet.</summary>
    public static BilingualText? NameOf(string member) => Members.TryGetValue(member, out var name) ? name : null;

    /// <summary>The event's members, but the time of its decision, which the timeline shows as its time.</summary>
    public IReadOnlyList<SummaryLine> Of(AuditTrailEntry entry) =>
        JsonNode.Parse(entry.Data) is JsonObject data ? Lines(data, AuditTrail.DecisionMember(data)?.Name) : [];

    private List<SummaryLine> Lines(JsonObject members, string? decisionMember = null) =>
        [.. members
            .Select(member => (Name: Pascal(member.Key), member.Value))
            .Where(member => member.Name != decisionMember && Shows(member.Name))
            .Select(member => new SummaryLine(NameOf(member.Name) is { } name ? Ui.T(name) : member.Name, Values(member.Name, member.Value)))
            .Where(line => line.Values.Count > 0)];

    private List<string> Values(string member, JsonNode? node) => node switch
    {
        null => [],
        JsonArray ids when member.EndsWith("Ids", StringComparison.Ordinal) => [Ui.Number(ids.Count)],
        JsonArray items => [.. items.Select(item => Text(member, item)).Where(text => text.Length > 0)],
        _ => Text(member, node) is { Length: > 0 } text ? [text] : [],
    };

    private string Text(string member, JsonNode? node) => node switch
    {
        null => "",
        JsonObject members => Flat(Lines(members)),
        JsonArray items => string.Join(", ", Values(member, items)),
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? Ui.T("Có", "Yes") : Ui.T("Không", "No"),
        JsonValue value when value.TryGetValue<decimal>(out var number) => number.ToString("#,##0.##", CultureInfo.CurrentCulture),
        JsonValue value when value.TryGetValue<string>(out var text) => Word(member, text),
        _ => node.ToJsonString(),
    };

    /// <summary>A nested record on one line; one of a single member is its value alone ("Đơn ứng cử", not "Loại: Đơn ứng cử").</summary>
    private static string Flat(List<SummaryLine> lines) =>
        lines is [var only] ? string.Join(", ", only.Values) : string.Join(" · ", lines.Select(line => $"{line.Label}: {string.Join(", ", line.Values)}"));

    private string Word(string member, string text) =>
        member == "StepId" ? (stepTitle(text) is { } title ? Ui.T(title) : text)
        : Units.Contains(member) ? unitName(text) ?? text
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? Ui.Date(day)
        : text.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? Ui.DateTime(at, zone)
        : Names.OfStored(text) ?? text;

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
