using ElectionPrep.Common;

namespace ElectionPrep.Pages;

/// <summary>What an observer reads for each kind of recorded event; the stored kind is shown beside it for exports and filters.</summary>
public static class EventNames
{
    private static readonly Dictionary<string, BilingualText> Known = new()
    {
        ["consultation_process_opened"] = new("Mở quy trình", "Process opened"),
        ["step_activated"] = new("Bước được mở", "Step opened"),
        ["step_completed"] = new("Hoàn thành bước", "Step completed"),
        ["step_reminder_sent"] = new("Nhắc hạn", "Deadline reminder"),
        ["deadline_missed"] = new("Quá hạn", "Deadline missed"),
        ["step_rescheduled"] = new("Đổi hạn", "Step rescheduled"),
        ["step_deadline_amended"] = new("Hạn được Hội đồng bầu cử quốc gia điều chỉnh", "Deadline amended by the National Election Council"),
        ["calendar_step_amended"] = new("Hội đồng bầu cử quốc gia điều chỉnh lịch", "National Election Council amended the calendar"),
        ["structure_adjusted"] = new("Điều chỉnh cơ cấu", "Structure adjusted"),
        ["process_migration_planned"] = new("Dự kiến chuyển phiên bản quy trình", "Migration planned"),
        ["process_migrated"] = new("Chuyển phiên bản quy trình", "Process migrated"),
        ["consultation_process_completed"] = new("Kết thúc quy trình", "Process completed"),
        ["conference_convened"] = new("Triệu tập hội nghị", "Conference convened"),
        ["attendance_recorded"] = new("Điểm danh", "Attendance recorded"),
        ["motion_put"] = new("Đưa ra biểu quyết", "Motion put"),
        ["vote_recorded"] = new("Kết quả biểu quyết", "Vote recorded"),
        ["round_decisions_recorded"] = new("Kết quả hiệp thương", "Round decisions recorded"),
        ["minutes_signed"] = new("Ký biên bản", "Minutes signed"),
        ["candidacy_filed"] = new("Nộp hồ sơ ứng cử", "Dossier filed"),
        ["voter_conference_recorded"] = new("Hội nghị cử tri", "Voter conference recorded"),
        ["complaint_recorded"] = new("Vụ việc cử tri nêu", "Complaint recorded"),
        ["complaint_verified"] = new("Kết quả xác minh", "Complaint verified"),
        ["candidacy_struck"] = new("Xóa tên người ứng cử", "Candidacy struck"),
        ["person_candidacy_registered"] = new("Ghi nhận người ứng cử ở một cấp", "Person's candidacy registered"),
        ["person_candidacy_released"] = new("Bỏ ghi nhận người ứng cử ở một cấp", "Person's candidacy released"),
        ["citizen_id_corrected"] = new("Sửa số định danh", "Citizen ID corrected"),
        ["candidate_registered"] = new("Vào danh sách", "Entered the list"),
        ["constituencies_published"] = new("Công bố đơn vị bầu cử", "Constituencies published"),
        ["candidate_assigned"] = new("Xếp vào đơn vị bầu cử", "Assigned to a constituency"),
        ["candidate_struck_from_list"] = new("Xóa tên khỏi danh sách", "Struck from the list"),
        ["official_list_published"] = new("Công bố danh sách chính thức", "Official list published"),
        ["candidate_removed"] = new("Xóa tên (Điều 60)", "Removed (Art. 60)"),
        ["candidate_withdrawn"] = new("Rút khỏi danh sách", "Withdrawn"),
        ["quota_override_recorded"] = new("Quyết định vượt chỉ tiêu", "Quota override"),
        ["election_results_recorded"] = new("Kết quả bầu cử", "Election results"),
        ["account_created"] = new("Tạo tài khoản", "Account created"),
        ["account_password_reset"] = new("Đặt lại mật khẩu", "Password reset"),
        ["account_password_changed"] = new("Đổi mật khẩu", "Password changed"),
    };

    public static string Of(string eventType) => Known.TryGetValue(eventType, out var name) ? Ui.T(name) : eventType;
}
