using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationConferences;

/// <summary>Ghi nhận thành phần tham dự; recording again (a resumed session) replaces the earlier count.</summary>
public sealed record RecordAttendance(string ConsultationConferenceId, IReadOnlyList<string> PresentInviteeIds, string Actor, ActorRole Role)
{
    public const string UnknownInvitee = "unknown-invitee";

    public static Decision Decide(RecordAttendance command, ConsultationConference conference, ConsultationProcess process, WorkflowDefinition definition, DateTimeOffset now)
    {
        if (ConferenceRefusals.WhyNotAct(conference, conference.Round, process, definition, command.Role) is { } refusal) return Decision.Refuse(refusal);

        var unknown = command.PresentInviteeIds.Where(id => conference.Invitees.All(invitee => invitee.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            return Decision.Refuse(Refusals.With(process, definition, UnknownInvitee,
                new($"Không có trong danh sách triệu tập: {string.Join(", ", unknown)}.", $"Not among those convened or invited: {string.Join(", ", unknown)}.")));
        }

        return Decision.Accept(new AttendanceRecorded(conference.Id, command.PresentInviteeIds.Distinct().ToList(), command.Actor, now));
    }
}
