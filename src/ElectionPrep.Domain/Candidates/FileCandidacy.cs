using ElectionPrep.CandidateLists;
using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.Candidates;

/// <summary>
/// Nộp hồ sơ ứng cử for one council. Its decision writes three streams at once: the new candidacy, the person
/// (to keep one dossier per level across the whole election) and the process's candidate list.
/// </summary>
public sealed record FileCandidacy(
    string CandidacyId,
    string ConsultationProcessId,
    string PersonId,
    CandidateDossier Dossier,
    ProtectedPersonalData Protected,
    string Actor,
    ActorRole Role)
{
    public const string DeadlinePassed = "dossier-deadline-passed";
    public const string NoAllocation = "no-allocation";
    public const string AllocationExceeded = "allocation-exceeded";
    public const string Ineligible = "ineligible";

    /// <summary>What the decision needs besides the states: the term's facts and the place tests. None has a default, so none is forgotten.</summary>
    /// <param name="IsInProvince">Whether a unit code lies in the process's province (for the quota attributes).</param>
    public sealed record Context(DateOnly ElectionDay, RuleParameters Rules, IReadOnlyList<NominationAllocation> Allocations, Func<string, bool> IsWithinJurisdiction,
        Func<string, bool> IsInProvince);

    public static Decision Decide(
        FileCandidacy command, ConsultationProcess process, WorkflowDefinition definition, CandidateList? list, Person? person, Context context, DateTimeOffset now)
    {
        var stepId = definition.StepIdOf(StepKind.DossierWindow);
        if (Refusals.WhyNotActOn(process, definition, stepId, command.Role) is { } refusal) return Decision.Refuse(refusal);

        if (process.Progress(stepId)?.DueAt is { } due && now > due)
        {
            return Decision.Refuse(Refusals.With(process, definition, DeadlinePassed,
                new($"Đã hết hạn nộp hồ sơ ứng cử ({due:HH:mm dd/MM/yyyy}).", $"The dossier deadline has passed ({due:yyyy-MM-dd HH:mm zzz}).")));
        }

        if (command.Dossier.Nomination is { } nomination)
        {
            var allocation = context.Allocations.FirstOrDefault(candidate => candidate.NominatingBody == nomination.NominatingBody);
            if (allocation is null)
            {
                return Decision.Refuse(Refusals.With(process, definition, NoAllocation,
                    new($"Hội nghị hiệp thương lần thứ nhất không phân bổ cho '{nomination.NominatingBody}'.",
                        $"Round 1 allocated no nominees to '{nomination.NominatingBody}'.")));
            }

            var nominated = list?.Entries.Count(entry => entry.NominatingBody == nomination.NominatingBody && entry.Status == ListEntryStatus.Standing) ?? 0;
            if (nominated >= allocation.Nominees)
            {
                return Decision.Refuse(Refusals.With(process, definition, AllocationExceeded,
                    new($"'{nomination.NominatingBody}' đã giới thiệu đủ {allocation.Nominees} người theo phân bổ.",
                        $"'{nomination.NominatingBody}' has already nominated its allocation of {allocation.Nominees}.")));
            }
        }

        var findings = Eligibility.Check(command.Dossier, process.Council, context.ElectionDay, context.Rules,
            person?.Except(command.CandidacyId) ?? new OtherCandidacies([]), context.IsWithinJurisdiction);
        if (findings.Count > 0)
        {
            var sentences = findings.Select(finding => finding.Sentence).ToList();
            return Decision.Refuse(Refusals.With(process, definition, Ineligible, new(
                    string.Join(" ", sentences.Select(sentence => sentence.Vi)), string.Join(" ", sentences.Select(sentence => sentence.En)))) with
            {
                Fields = [.. findings.Select(finding => new FieldFlaw(finding.Field, finding.Sentence))],
            });
        }

        return Decision.Accept(
            new CandidacyFiled(command.CandidacyId, process.Id, process.Council, command.PersonId, command.Dossier, command.Protected, command.Actor, now),
            new PersonCandidacyRegistered(command.PersonId, command.CandidacyId, process.Id, process.Council, now),
            new CandidateRegistered(CandidateList.IdFor(process.Id), command.CandidacyId, command.Dossier.FullName, command.Dossier.Nomination?.NominatingBody, now,
                [.. Quotas.CandidateAttributes.Of(command.Dossier, process.Council, context.ElectionDay, context.Rules.YoungCandidateAge, context.IsInProvince).Order(StringComparer.Ordinal)]));
    }
}
