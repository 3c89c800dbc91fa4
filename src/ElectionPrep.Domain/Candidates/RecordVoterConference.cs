using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.Candidates;

/// <summary>Ghi nhận kết quả hội nghị cử tri lấy ý kiến về một người ứng cử.</summary>
public sealed record RecordVoterConference(
    string CandidacyId, VoterConferenceKind Kind, DateOnly HeldOn, int Invited, int Present, int Trust, int Distrust,
    IReadOnlyList<string> CountingTeam, string MinutesReference, string Actor, ActorRole Role)
{
    public const string QuorumNotMet = "voter-conference-quorum-not-met";
    public const string VotesExceedPresent = "more-votes-than-present";
    public const string CandidacyStruck = "candidacy-struck";
    public const string AlreadyRecorded = "voter-conference-already-recorded";

    public static Decision Decide(RecordVoterConference command, Candidacy candidacy, ConsultationProcess process, WorkflowDefinition definition, RuleParameters rules, DateTimeOffset now)
    {
        var step = definition.StepOfKind(StepKind.VoterConferences);
        if (Refusals.WhyNotActOn(process, definition, step?.Id ?? "voter-conferences", command.Role) is { } refusal) return Decision.Refuse(refusal);
        if (candidacy.Status == CandidacyStatus.Struck)
        {
            return Decision.Refuse(CandidacyStruck, "Người ứng cử đã bị xóa tên.", "The candidate has been struck from the lists.");
        }

        // A conference has no id of its own: its kind, date and minutes identify it, so a resent form records nothing twice.
        if (candidacy.VoterConferences.Exists(held => held.Kind == command.Kind && held.HeldOn == command.HeldOn && held.MinutesReference == command.MinutesReference))
        {
            return Decision.Refuse(AlreadyRecorded,
                $"Hội nghị cử tri này (biên bản {command.MinutesReference}, ngày {command.HeldOn:dd/MM/yyyy}) đã được ghi nhận.",
                $"This voter conference (minutes {command.MinutesReference}, held on {command.HeldOn:yyyy-MM-dd}) is already recorded.");
        }

        var quorum = command.Kind == VoterConferenceKind.Workplace ? rules.WorkplaceVoterConferenceQuorum : rules.ResidenceVoterConferenceQuorum;
        if (!quorum.IsMetBy(command.Present, command.Invited))
        {
            return Decision.Refuse(Refusals.With(process, definition, QuorumNotMet,
                new($"Có mặt {command.Present}/{command.Invited} cử tri, chưa đủ điều kiện tổ chức hội nghị ({string.Join("; ", quorum.Source.Basis)}).",
                    $"{command.Present} of {command.Invited} voters present: short of the quorum ({string.Join("; ", quorum.Source.Basis)}).")));
        }

        if (command.Trust + command.Distrust > command.Present)
        {
            return Decision.Refuse(VotesExceedPresent, "Số phiếu vượt số cử tri có mặt.", "More votes than voters present.");
        }

        var distrusted = rules.DistrustExclusion.IsMetBy(command.Distrust, command.Present);
        return Decision.Accept(new VoterConferenceRecorded(candidacy.Id, command.Kind, command.HeldOn, command.Invited, command.Present, command.Trust,
            command.Distrust, command.CountingTeam, command.MinutesReference, distrusted, command.Actor, now));
    }
}
