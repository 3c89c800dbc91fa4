using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationConferences;

/// <summary>Ghi nhận kết quả biểu quyết: adopted when more than the majority share of those present vote for.</summary>
public sealed record RecordVote(string ConsultationConferenceId, string MotionId, int For, int Against, int Abstain, VotingMethod Method, string Actor, ActorRole Role)
{
    public const string UnknownMotion = "unknown-motion";
    public const string AlreadyVoted = "motion-already-voted";
    public const string MoreVotesThanPresent = "more-votes-than-present";

    public static Decision Decide(RecordVote command, ConsultationConference conference, ConsultationProcess process, WorkflowDefinition definition, RuleParameters rules, DateTimeOffset now)
    {
        if (ConferenceRefusals.WhyNotAct(conference, conference.Round, process, definition, command.Role) is { } refusal) return Decision.Refuse(refusal);
        if (ConferenceRefusals.WhyNoQuorum(conference, rules, process, definition) is { } noQuorum) return Decision.Refuse(noQuorum);

        var motion = conference.FindMotion(command.MotionId);
        if (motion is null)
        {
            return Decision.Refuse(Refusals.With(process, definition, UnknownMotion,
                new($"Không có vấn đề biểu quyết '{command.MotionId}'.", $"There is no motion '{command.MotionId}'.")));
        }

        if (motion.Vote is not null)
        {
            return Decision.Refuse(Refusals.With(process, definition, AlreadyVoted,
                new($"Vấn đề '{command.MotionId}' đã được biểu quyết.", $"Motion '{command.MotionId}' has already been voted on.")));
        }

        var present = conference.Attendance!.Present;
        if (command.For + command.Against + command.Abstain > present)
        {
            return Decision.Refuse(Refusals.With(process, definition, MoreVotesThanPresent,
                new($"Tổng số phiếu vượt số người có mặt ({present}).", $"More votes than participants present ({present}).")));
        }

        var adopted = rules.ConsultationMajority.IsMetBy(command.For, present);
        return Decision.Accept(new VoteRecorded(conference.Id, command.MotionId, command.For, command.Against, command.Abstain, command.Method, adopted, command.Actor, now));
    }
}
