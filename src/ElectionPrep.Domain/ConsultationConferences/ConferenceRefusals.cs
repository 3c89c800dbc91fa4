using System.Globalization;
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
    public const string NotYetHeld = "conference-not-yet-held";

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

    /// <summary>
    /// Nothing that records the meeting's outcome (its minutes, its round's completion) can be dated before the meeting
    /// began: <paramref name="what"/> names what was attempted.
    /// </summary>
    public static Refusal? WhyNotYetHeld(ConsultationConference conference, DateTimeOffset now, BilingualText what, ConsultationProcess process, WorkflowDefinition definition)
    {
        if (now >= conference.ScheduledAt) return null;

        var at = conference.ScheduledAt;
        return Refusals.With(process, definition, NotYetHeld, new(
            $"Hội nghị lần {conference.Round} họp lúc {at.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)}: {what.Vi} trước giờ họp.",
            $"Round {conference.Round} meets at {at.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}: {what.En} before the meeting begins."));
    }

    /// <summary>Motions and votes need the quorum of those convened (rule parameter).</summary>
    public static Refusal? WhyNoQuorum(ConsultationConference conference, Terms.RuleParameters rules, ConsultationProcess process, WorkflowDefinition definition)
    {
        var gate = Gates.Evaluate(Gates.ConferenceQuorumMet, new GateInputs(conference, [], rules));
        return gate.Passed ? null : Refusals.With(process, definition, QuorumNotMet, gate.Reason, Gates.ConferenceQuorumMet);
    }
}
