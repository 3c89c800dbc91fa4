using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.ConsultationConferences;

/// <summary>
/// Biên bản hội nghị hiệp thương, printable: participants and guests with attendance, each motion with its vote,
/// the round's decisions, and the signature. Vietnamese, as the minutes are kept.
/// </summary>
public static class ConferenceMinutesPage
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    // Vietnamese letters stay letters in the page; only markup characters are escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    [WolverineGet(Routes.ConferenceMinutes)]
    [ReadsDossiers]
    public static async Task<IResult> Get(string id, IQuerySession session, SeedCatalog seeds, CancellationToken cancellation)
    {
        var conference = await session.LoadAsync<ConsultationConference>(id, cancellation);
        if (conference is null) return ConferenceStreams.NotFound(id);

        var process = (await session.LoadAsync<ConsultationProcess>(conference.ConsultationProcessId, cancellation))!;
        var term = seeds.FindTerm(process.TermId)!;
        var zone = seeds.TimeZoneOf(term);
        return Results.Content(Render(conference, seeds.Units.Find(process.JurisdictionCode)!.Name, zone), "text/html; charset=utf-8");
    }

    public static string Render(ConsultationConference conference, string jurisdictionName, TimeZoneInfo zone)
    {
        string E(string text) => Html.Encode(text);
        string When(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm 'ngày' dd/MM/yyyy", Vietnamese);

        var page = new StringBuilder();
        void Line(string text) => page.AppendLine(text);
        Line("<!DOCTYPE html>");
        Line("<html lang=\"vi\"><head><meta charset=\"utf-8\">");
        Line($"<title>Biên bản hội nghị hiệp thương lần thứ {conference.Round} – {E(jurisdictionName)}</title>");
        Line("<style>body{font-family:'Times New Roman',serif;max-width:48rem;margin:2rem auto;line-height:1.5;color:#111}" +
             "table{border-collapse:collapse;width:100%}th,td{border:1px solid #444;padding:.25rem .5rem;text-align:left}" +
             "h1{font-size:1.4rem;text-align:center}@media print{body{margin:0}}</style></head><body>");
        Line($"<h1>BIÊN BẢN HỘI NGHỊ HIỆP THƯƠNG LẦN THỨ {conference.Round}</h1>");
        Line($"<p>Địa bàn: {E(jurisdictionName)}. Thời gian: {When(conference.ScheduledAt)}. Địa điểm: {E(conference.Place)}. Chủ trì: {E(conference.Chair)}.</p>");

        var present = conference.Attendance?.PresentInviteeIds ?? [];
        Line("<h2>Thành phần</h2><table><thead><tr><th>Họ tên</th><th>Cơ quan, tổ chức</th><th>Chức vụ</th><th>Tư cách</th><th>Có mặt</th></tr></thead><tbody>");
        foreach (var invitee in conference.Invitees)
        {
            var capacity = invitee.Participation == Participation.Participant ? "Thành phần triệu tập" : "Khách mời";
            Line($"<tr><td>{E(invitee.Name)}</td><td>{E(invitee.Body)}</td><td>{E(invitee.Role)}</td><td>{capacity}</td><td>{(present.Contains(invitee.Id) ? "Có mặt" : "Vắng")}</td></tr>");
        }

        Line("</tbody></table>");
        Line(conference.Attendance is { } attendance
            ? $"<p>Có mặt {attendance.Present}/{attendance.Convened} người được triệu tập.</p>"
            : "<p>Chưa ghi nhận thành phần tham dự.</p>");

        Line("<h2>Biểu quyết</h2><table><thead><tr><th>Vấn đề</th><th>Tán thành</th><th>Không tán thành</th><th>Không biểu quyết</th><th>Hình thức</th><th>Kết quả</th></tr></thead><tbody>");
        foreach (var motion in conference.Motions)
        {
            var vote = motion.Vote;
            var method = vote?.Method == VotingMethod.SecretBallot ? "Bỏ phiếu kín" : "Giơ tay";
            Line(vote is null
                ? $"<tr><td>{E(motion.Text)}</td><td colspan=\"5\">Chưa biểu quyết</td></tr>"
                : $"<tr><td>{E(motion.Text)}</td><td>{vote.For}</td><td>{vote.Against}</td><td>{vote.Abstain}</td><td>{method}</td><td>{(vote.Adopted ? "Thông qua" : "Không thông qua")}</td></tr>");
        }

        Line("</tbody></table>");
        Line("<h2>Kết quả hiệp thương</h2>");
        switch (conference.Decisions)
        {
            case null:
                Line("<p>Chưa ghi nhận.</p>");
                break;
            case { Allocations: { Count: > 0 } allocations } decisions:
                Line($"<p>Tổng số người được giới thiệu ứng cử: {decisions.TotalNominees}.</p>");
                Line("<table><thead><tr><th>Cơ quan, tổ chức, đơn vị</th><th>Số lượng</th><th>Cơ cấu</th></tr></thead><tbody>");
                foreach (var allocation in allocations)
                {
                    var composition = string.Join(", ", (allocation.Composition ?? new Dictionary<string, int>()).Select(pair => $"{E(pair.Key)}: {pair.Value}"));
                    Line($"<tr><td>{E(allocation.NominatingBody)}</td><td>{allocation.Nominees}</td><td>{composition}</td></tr>");
                }

                Line("</tbody></table>");
                break;
            case { Candidates: { } candidates }:
                Line("<ol>");
                foreach (var candidate in candidates) Line($"<li>{E(candidate.FullName)}{(candidate.NominatedBy is null ? "" : $" ({E(candidate.NominatedBy)})")}</li>");
                Line("</ol>");
                break;
        }

        Line(conference.Stage == ConferenceStage.MinutesSigned
            ? $"<p><strong>Biên bản số {E(conference.MinutesReference!)}</strong>, ký bởi {E(conference.SignedBy!)} lúc {When(conference.SignedAt!.Value)}.</p>"
            : "<p><strong>Biên bản chưa ký: các quyết định chưa có hiệu lực.</strong></p>");
        Line("</body></html>");
        return page.ToString();
    }
}
