using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;
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
    public const string NotACandidate = "not-a-candidate";
    public const string NotOnPreliminaryList = "not-on-preliminary-list";

    /// <summary>
    /// What the rounds' lists are checked against: who stands on the process's list, who the voters distrusted, and the
    /// preliminary list, by id and as the candidacies whose voter conferences round 3 waits for.
    /// </summary>
    public sealed record Roster(
        IReadOnlySet<string> Standing, IReadOnlySet<string> Distrusted, IReadOnlySet<string>? PreliminaryList, IReadOnlyList<Candidacy> PreliminaryCandidacies);

    /// <param name="roster">Required even for round 1, whose decisions name no one: a caller cannot skip the list checks by leaving it out.</param>
    public static Decision Decide(RecordRoundDecisions command, ConsultationConference conference, ConsultationProcess process, WorkflowDefinition definition, Roster roster, RuleParameters rules, DateTimeOffset now)
    {
        if (ConferenceRefusals.WhyNotAct(conference, conference.Round, process, definition, command.Role) is { } refusal) return Decision.Refuse(refusal);

        if (conference.FindMotion(command.MotionId) is not { Vote.Adopted: true })
        {
            return Decision.Refuse(Refusals.With(process, definition, MotionNotAdopted,
                new($"Vấn đề '{command.MotionId}' chưa được hội nghị thông qua.", $"Motion '{command.MotionId}' has not been adopted by the conference.")));
        }

        var purpose = definition.PurposeOf(conference.Round);
        var complete = purpose == RoundPurpose.Structure
            ? command.Decisions.Allocations is { Count: > 0 } && command.Decisions.TotalNominees > 0
            : command.Decisions.Candidates is { Count: > 0 };
        if (!complete)
        {
            return Decision.Refuse(Refusals.With(process, definition, DecisionsIncomplete, purpose == RoundPurpose.Structure
                ? new($"Lần thứ {conference.Round} thỏa thuận tổng số và phân bổ số người được giới thiệu cho từng cơ quan, tổ chức, đơn vị.",
                    $"Round {conference.Round} agrees the total and the allocation of nominees per nominating body.")
                : new($"Lần thứ {conference.Round} lập danh sách người ứng cử.", $"Round {conference.Round} agrees a list of candidates.")));
        }

        // Round 3 weighs what the voters said of everyone on the preliminary list: it waits until each has been heard.
        if (purpose == RoundPurpose.QualifiedList && VoterHearings.WhyNotHeard(roster.PreliminaryCandidacies, rules.RequiredVoterConferences) is { } unheard)
        {
            return Decision.Refuse(unheard);
        }

        var names = (command.Decisions.Candidates ?? []).ToList();
        if (names.Count > 0)
        {
            if (names.Where(entry => !roster.Standing.Contains(entry.CandidacyId)).Select(entry => entry.FullName).ToList() is { Count: > 0 } unknown)
            {
                return Decision.Refuse(NotACandidate, $"Không có hồ sơ ứng cử hợp lệ: {string.Join(", ", unknown)}.", $"No standing candidacy for: {string.Join(", ", unknown)}.");
            }

            if (purpose == RoundPurpose.QualifiedList && roster.PreliminaryList is { } preliminary
                && names.Where(entry => !preliminary.Contains(entry.CandidacyId)).Select(entry => entry.FullName).ToList() is { Count: > 0 } outside)
            {
                return Decision.Refuse(NotOnPreliminaryList, $"Không có trong danh sách sơ bộ: {string.Join(", ", outside)}.", $"Not on the preliminary list: {string.Join(", ", outside)}.");
            }

            // Distrusted beyond the seeded exclusion threshold: they go forward only as a special case the conference decides with a reason.
            var special = (command.Decisions.SpecialCases ?? []).Select(special => special.CandidacyId).ToHashSet();
            if (purpose == RoundPurpose.QualifiedList
                && names.Where(entry => roster.Distrusted.Contains(entry.CandidacyId) && !special.Contains(entry.CandidacyId)).Select(entry => entry.FullName).ToList() is { Count: > 0 } distrusted)
            {
                return Decision.Refuse(ListRefusals.Distrusted(distrusted));
            }
        }

        return Decision.Accept(new RoundDecisionsRecorded(conference.Id, conference.Round, command.MotionId, command.Decisions, command.Actor, now));
    }
}
