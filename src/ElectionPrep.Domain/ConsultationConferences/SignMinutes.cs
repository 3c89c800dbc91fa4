using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationConferences;

/// <summary>
/// Ký biên bản hội nghị: the chair signs; only signed minutes bind, and signing completes the round's workflow step.
/// </summary>
public sealed record SignMinutes(string ConsultationConferenceId, string MinutesReference, string Actor, ActorRole Role)
{
    public const string OnlyTheChairSigns = "chair-signs-minutes";

    public static Decision Decide(SignMinutes command, ConsultationConference conference, ConsultationProcess process, WorkflowDefinition definition, RuleParameters rules, DateTimeOffset now)
    {
        if (ConferenceRefusals.WhyNotAct(conference, conference.Round, process, definition, command.Role) is { } refusal) return Decision.Refuse(refusal);

        if (command.Role != ActorRole.CommitteeChair)
        {
            return Decision.Refuse(Refusals.With(process, definition, OnlyTheChairSigns,
                new("Biên bản do người chủ trì hội nghị ký.", "The minutes are signed by the chair of the conference.")));
        }

        if (ConferenceRefusals.WhyNotYetHeld(conference, now, new("không thể ký biên bản", "the minutes cannot be signed"), process, definition) is { } early)
        {
            return Decision.Refuse(early);
        }

        var inputs = new GateInputs(conference, [], rules);
        foreach (var gate in new[] { Gates.ConferenceQuorumMet, Gates.RoundDecisionsRecorded }.Select(gate => Gates.Evaluate(gate, inputs)).Where(result => !result.Passed))
        {
            return Decision.Refuse(Refusals.With(process, definition, CompleteStep.GateFailed, gate.Reason, gate.Gate));
        }

        return Decision.Accept(new MinutesSigned(conference.Id, process.Id, conference.Round, command.MinutesReference, command.Actor, command.Role, now));
    }
}
