using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationConferences;

/// <summary>Triệu tập hội nghị hiệp thương lần <paramref name="Round"/>.</summary>
public sealed record ConveneConference(
    string ConsultationProcessId,
    int Round,
    DateTimeOffset ScheduledAt,
    string Place,
    string Chair,
    IReadOnlyList<Invitee> Invitees,
    string Actor,
    ActorRole Role)
{
    public const string AlreadyConvened = "conference-already-convened";

    public static Decision Decide(ConveneConference command, ConsultationConference? existing, ConsultationProcess process, WorkflowDefinition definition, DateTimeOffset now)
    {
        if (existing is not null)
        {
            return Decision.Refuse(Refusals.With(process, definition, AlreadyConvened,
                new($"Hội nghị hiệp thương lần {command.Round} đã được triệu tập.", $"Consultation round {command.Round} is already convened.")));
        }

        if (ConferenceRefusals.WhyNotAct(existing, command.Round, process, definition, command.Role) is { } refusal) return Decision.Refuse(refusal);

        return Decision.Accept(new ConferenceConvened(
            ConsultationConference.IdFor(process.Id, command.Round), process.Id, command.Round, command.ScheduledAt, command.Place,
            command.Chair, command.Invitees, command.Actor, now));
    }
}
