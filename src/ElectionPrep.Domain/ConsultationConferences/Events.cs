using ElectionPrep.Common;

namespace ElectionPrep.ConsultationConferences;

/// <summary>Triệu tập hội nghị hiệp thương: round, date, place, chair and who is convened or invited.</summary>
public sealed record ConferenceConvened(
    string ConsultationConferenceId,
    string ConsultationProcessId,
    int Round,
    DateTimeOffset ScheduledAt,
    string Place,
    string Chair,
    IReadOnlyList<Invitee> Invitees,
    string ConvenedBy,
    DateTimeOffset ConvenedAt) : IEventOf<ConsultationConference>;

/// <summary>Thành phần tham dự: who of those convened and invited was present.</summary>
public sealed record AttendanceRecorded(
    string ConsultationConferenceId,
    IReadOnlyList<string> PresentInviteeIds,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IEventOf<ConsultationConference>;

/// <summary>Đưa vấn đề ra biểu quyết.</summary>
public sealed record MotionPut(string ConsultationConferenceId, string MotionId, string Text, string PutBy, DateTimeOffset PutAt) : IEventOf<ConsultationConference>;

/// <summary>Kết quả biểu quyết, with whether it was adopted under the majority rule in force.</summary>
public sealed record VoteRecorded(
    string ConsultationConferenceId,
    string MotionId,
    int For,
    int Against,
    int Abstain,
    VotingMethod Method,
    bool Adopted,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IEventOf<ConsultationConference>;

/// <summary>Ghi nhận kết quả hiệp thương của lần này, adopted by <paramref name="MotionId"/>.</summary>
public sealed record RoundDecisionsRecorded(
    string ConsultationConferenceId,
    int Round,
    string MotionId,
    RoundDecisions Decisions,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IEventOf<ConsultationConference>;

/// <summary>Ký biên bản: from now the conference's decisions bind and nothing in it changes.</summary>
public sealed record MinutesSigned(
    string ConsultationConferenceId,
    string ConsultationProcessId,
    int Round,
    string MinutesReference,
    string SignedBy,
    Workflows.ActorRole Role,
    DateTimeOffset SignedAt) : IEventOf<ConsultationConference>;
