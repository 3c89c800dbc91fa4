using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationConferences;

/// <summary>What every action in a conference checks: the round's step is open for this role, and the minutes are not signed.</summary>
public static class ConferenceRefusals
{
    public const string NoConferenceStep = "no-conference-step";
    public const string MinutesAlreadySigned = "minutes-signed";
    public const string QuorumNotMet = "quorum-not-met";

    public static Refusal? WhyNotAct(ConsultationConference? conference, int round, ConsultationProcess process, WorkflowDefinition definition, ActorRole role)
    {
        if (definition.ConferenceStep(round) is not { } step)
        {
            return Refusals.With(process, definition, NoConferenceStep,
                new($"Quy trình không có hội nghị hiệp thương lần {round}.", $"The workflow has no consultation round {round}."));
        }

        if (conference?.Stage == ConferenceStage.MinutesSigned)
        {
            return Refusals.With(process, definition, MinutesAlreadySigned,
                new($"Biên bản hội nghị lần {round} đã ký; nội dung không thể thay đổi.", $"The round {round} minutes are signed; nothing in them can change."));
        }

        return Refusals.WhyNotActOn(process, definition, step.Id, role);
    }

    /// <summary>Motions and votes need the quorum of those convened (rule parameter).</summary>
    public static Refusal? WhyNoQuorum(ConsultationConference conference, Terms.RuleParameters rules, ConsultationProcess process, WorkflowDefinition definition)
    {
        var gate = Gates.Evaluate(Gates.ConferenceQuorumMet, new GateInputs(conference, rules));
        return gate.Passed ? null : Refusals.With(process, definition, QuorumNotMet, gate.Reason, Gates.ConferenceQuorumMet);
    }
}
