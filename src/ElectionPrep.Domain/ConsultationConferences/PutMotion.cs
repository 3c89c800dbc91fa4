using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationConferences;

/// <summary>Đưa một vấn đề ra hội nghị biểu quyết.</summary>
public sealed record PutMotion(string ConsultationConferenceId, string MotionId, string Text, string Actor, ActorRole Role)
{
    public const string MotionExists = "motion-exists";

    public static Decision Decide(PutMotion command, ConsultationConference conference, ConsultationProcess process, WorkflowDefinition definition, RuleParameters rules, DateTimeOffset now)
    {
        if (ConferenceRefusals.WhyNotAct(conference, conference.Round, process, definition, command.Role) is { } refusal) return Decision.Refuse(refusal);
        if (ConferenceRefusals.WhyNoQuorum(conference, rules, process, definition) is { } noQuorum) return Decision.Refuse(noQuorum);
        if (conference.FindMotion(command.MotionId) is not null)
        {
            return Decision.Refuse(Refusals.With(process, definition, MotionExists,
                new($"Đã có vấn đề biểu quyết '{command.MotionId}'.", $"Motion '{command.MotionId}' already exists.")));
        }

        return Decision.Accept(new MotionPut(conference.Id, command.MotionId, command.Text, command.Actor, now));
    }
}
