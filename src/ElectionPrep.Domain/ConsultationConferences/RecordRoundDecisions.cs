using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationConferences;

/// <summary>
/// Ghi nhận kết quả hiệp thương: round 1 the structure and allocation per nominating body, round 2 the
/// preliminary list, round 3 the qualified list, each adopted by a motion.
/// </summary>
public sealed record RecordRoundDecisions(string ConsultationConferenceId, string MotionId, RoundDecisions Decisions, string Actor, ActorRole Role)
{
    public const string MotionNotAdopted = "motion-not-adopted";
    public const string DecisionsIncomplete = "decisions-incomplete";

    public static Decision Decide(RecordRoundDecisions command, ConsultationConference conference, ConsultationProcess process, WorkflowDefinition definition, DateTimeOffset now)
    {
        if (ConferenceRefusals.WhyNotAct(conference, conference.Round, process, definition, command.Role) is { } refusal) return Decision.Refuse(refusal);

        if (conference.FindMotion(command.MotionId) is not { Vote.Adopted: true })
        {
            return Decision.Refuse(Refusals.With(process, definition, MotionNotAdopted,
                new($"Vấn đề '{command.MotionId}' chưa được hội nghị thông qua.", $"Motion '{command.MotionId}' has not been adopted by the conference.")));
        }

        var complete = conference.Round == 1
            ? command.Decisions.Allocations is { Count: > 0 } && command.Decisions.TotalNominees > 0
            : command.Decisions.Candidates is { Count: > 0 };
        if (!complete)
        {
            return Decision.Refuse(Refusals.With(process, definition, DecisionsIncomplete, conference.Round == 1
                ? new("Lần thứ nhất thỏa thuận tổng số và phân bổ số người được giới thiệu cho từng cơ quan, tổ chức, đơn vị.",
                    "Round 1 agrees the total and the allocation of nominees per nominating body.")
                : new($"Lần thứ {conference.Round} lập danh sách người ứng cử.", $"Round {conference.Round} agrees a list of candidates.")));
        }

        return Decision.Accept(new RoundDecisionsRecorded(conference.Id, conference.Round, command.MotionId, command.Decisions, command.Actor, now));
    }
}
