using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.Terms;

namespace ElectionPrep.Workflows;

/// <summary>Kết quả kiểm tra điều kiện: whether a gate passed and, if not, why, with each item that failed it.</summary>
public sealed record GateResult(string Gate, bool Passed, BilingualText Reason, IReadOnlyList<RefusedItem>? Items = null);

/// <summary>
/// What a gate may look at: the conference of the step's round, if any, the candidacies of the preliminary list (empty
/// before round 2 decides it) and the term's rules.
/// </summary>
public sealed record GateInputs(ConsultationConference? Conference, IReadOnlyList<Candidates.Candidacy> PreliminaryList, RuleParameters Rules);

/// <summary>
/// Điều kiện hoàn thành bước: the named checks a workflow definition may put on a step. Definitions naming an
/// unknown gate are refused at start-up.
/// </summary>
public static class Gates
{
    public const string ConferenceQuorumMet = "quorum-met";
    public const string RoundDecisionsRecorded = "decisions-recorded";
    public const string MinutesSigned = "minutes-signed";
    public const string VoterConferencesHeld = "voter-conferences-held";

    public static IReadOnlyCollection<string> Known { get; } = [ConferenceQuorumMet, RoundDecisionsRecorded, MinutesSigned, VoterConferencesHeld];

    public static GateResult Evaluate(string gate, GateInputs inputs) => gate switch
    {
        ConferenceQuorumMet => QuorumMet(inputs),
        RoundDecisionsRecorded => Check(gate, inputs.Conference?.Decisions is not null,
            new("Hội nghị chưa ghi nhận quyết định của lần hiệp thương này.", "The conference has not recorded this round's decisions.")),
        MinutesSigned => Check(gate, inputs.Conference?.Stage == ConferenceStage.MinutesSigned,
            new("Biên bản hội nghị chưa được ký.", "The conference minutes are not signed.")),
        VoterConferencesHeld => Candidates.VoterHearings.WhyNotHeard(inputs.PreliminaryList, inputs.Rules.RequiredVoterConferences) is { } unheard
            ? new(gate, false, unheard.Detail, unheard.Items)
            : new(gate, true, Passed),
        _ => throw new ArgumentOutOfRangeException(nameof(gate), gate, "Unknown gate"),
    };

    private static GateResult QuorumMet(GateInputs inputs)
    {
        var attendance = inputs.Conference?.Attendance;
        if (attendance is null)
        {
            return new(ConferenceQuorumMet, false, new("Chưa ghi nhận thành phần tham dự hội nghị.", "The conference attendance is not recorded."));
        }

        var quorum = inputs.Rules.ConsultationQuorum;
        return Check(ConferenceQuorumMet, quorum.IsMetBy(attendance.Present, attendance.Convened),
            new($"Có mặt {attendance.Present}/{attendance.Convened}, chưa đủ {quorum.Share} số người được triệu tập.",
                $"{attendance.Present} of {attendance.Convened} present, short of {quorum.Share} of those convened."));
    }

    private static readonly BilingualText Passed = new("Đạt", "Passed");

    private static GateResult Check(string gate, bool passed, BilingualText failure) => new(gate, passed, passed ? Passed : failure);
}
