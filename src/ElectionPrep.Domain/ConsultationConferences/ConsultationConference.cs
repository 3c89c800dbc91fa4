using ElectionPrep.Common;
using System.Collections.Immutable;

namespace ElectionPrep.ConsultationConferences;

/// <summary>Giai đoạn hội nghị: minutes signed is final.</summary>
public enum ConferenceStage
{
    /// <summary>Đã triệu tập.</summary>
    Convened,

    /// <summary>Đã ký biên bản.</summary>
    MinutesSigned,
}

/// <summary>Tư cách tham dự: a participant is convened and votes; a guest is invited and does not.</summary>
public enum Participation
{
    /// <summary>Thành phần triệu tập (biểu quyết).</summary>
    Participant,

    /// <summary>Khách mời (Ủy ban bầu cử, TT HĐND, UBND...).</summary>
    Guest,
}

/// <summary>Hình thức biểu quyết.</summary>
public enum VotingMethod
{
    /// <summary>Giơ tay.</summary>
    ShowOfHands,

    /// <summary>Bỏ phiếu kín.</summary>
    SecretBallot,
}

/// <summary>Người được mời: by name, the body they represent and their role in it.</summary>
public sealed record Invitee(string Id, string Name, string Body, string Role, Participation Participation);

/// <summary>Số người có mặt: <paramref name="Convened"/> participants, of whom <paramref name="Present"/> came.</summary>
public sealed record Attendance(int Convened, int Present, IReadOnlyList<string> PresentInviteeIds);

/// <summary>Kết quả biểu quyết.</summary>
public sealed record Vote(int For, int Against, int Abstain, VotingMethod Method, bool Adopted);

/// <summary>Vấn đề biểu quyết.</summary>
public sealed record Motion(string Id, string Text, Vote? Vote = null);

/// <summary>Phân bổ số lượng người được giới thiệu cho một cơ quan, tổ chức, đơn vị, với cơ cấu yêu cầu.</summary>
/// <param name="Composition">What is asked of the nominees, e.g. {"woman": 1, "young": 1}.</param>
public sealed record NominationAllocation(string NominatingBody, int Nominees, IReadOnlyDictionary<string, int>? Composition = null);

/// <summary>Người trong danh sách: until candidates have their own records (issue 4), a reference and a name.</summary>
public sealed record CandidateEntry(string CandidacyId, string FullName, string? NominatedBy = null);

/// <summary>
/// Trường hợp đặc biệt: round 3 keeps a candidate whom more than half of the voters present did not trust, for the
/// reason recorded (NQ 1186/2021/UBTVQH14).
/// </summary>
public sealed record SpecialCase(string CandidacyId, [MultiLine] string Reason);

/// <summary>
/// Kết quả hiệp thương: round 1 agrees the structure and how many each nominating body may nominate; round 2 the
/// preliminary list; round 3 the list of qualified candidates, with any special cases.
/// </summary>
public sealed record RoundDecisions(
    int? TotalNominees = null,
    IReadOnlyList<NominationAllocation>? Allocations = null,
    IReadOnlyList<CandidateEntry>? Candidates = null,
    IReadOnlyList<SpecialCase>? SpecialCases = null);

/// <summary>
/// Hội nghị hiệp thương: one consultation conference of a process (round 1, 2 or 3). Its id is derived from the
/// process and the round, so a round is convened once.
/// </summary>
public sealed record ConsultationConference(
    string Id,
    string ConsultationProcessId,
    int Round,
    ConferenceStage Stage,
    DateTimeOffset ScheduledAt,
    string Place,
    string Chair,
    IReadOnlyList<Invitee> Invitees,
    Attendance? Attendance,
    ImmutableList<Motion> Motions,
    RoundDecisions? Decisions,
    string? DecisionsMotionId,
    string? MinutesReference,
    string? SignedBy,
    DateTimeOffset? SignedAt)
{
    private const string RoundMarker = ".round-";

    public static string IdFor(string processId, int round) => $"{processId}{RoundMarker}{round}";

    /// <summary>The process and round a conference id names, the inverse of <see cref="IdFor"/>.</summary>
    public static bool TryParseId(string id, out string processId, out int round)
    {
        var marker = id.LastIndexOf(RoundMarker, StringComparison.Ordinal);
        processId = marker > 0 ? id[..marker] : "";
        round = 0;
        return marker > 0 && int.TryParse(id.AsSpan(marker + RoundMarker.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out round);
    }

    public Motion? FindMotion(string motionId) => Motions.Find(motion => motion.Id == motionId);

    public static ConsultationConference? Evolve(ConsultationConference? state, object @event) => @event switch
    {
        ConferenceConvened convened => new ConsultationConference(
            convened.ConsultationConferenceId, convened.ConsultationProcessId, convened.Round, ConferenceStage.Convened,
            convened.ScheduledAt, convened.Place, convened.Chair, convened.Invitees, null, [], null, null, null, null, null),
        AttendanceRecorded attendance when state is not null => state with
        {
            Attendance = new Attendance(
                state.Invitees.Count(invitee => invitee.Participation == Participation.Participant),
                state.Invitees.Count(invitee => invitee.Participation == Participation.Participant && attendance.PresentInviteeIds.Contains(invitee.Id)),
                attendance.PresentInviteeIds),
        },
        MotionPut motion when state is not null => state with { Motions = state.Motions.Add(new Motion(motion.MotionId, motion.Text)) },
        VoteRecorded vote when state?.FindMotion(vote.MotionId) is { } motion => state with
        {
            Motions = state.Motions.Replace(motion, motion with { Vote = new Vote(vote.For, vote.Against, vote.Abstain, vote.Method, vote.Adopted) }),
        },
        RoundDecisionsRecorded decisions when state is not null => state with { Decisions = decisions.Decisions, DecisionsMotionId = decisions.MotionId },
        MinutesSigned signed when state is not null => state with
        {
            Stage = ConferenceStage.MinutesSigned,
            MinutesReference = signed.MinutesReference,
            SignedBy = signed.SignedBy,
            SignedAt = signed.SignedAt,
        },
        _ => state,
    };
}
