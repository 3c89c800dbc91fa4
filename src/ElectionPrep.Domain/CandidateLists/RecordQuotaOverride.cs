using ElectionPrep.Common;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.CandidateLists;

/// <summary>
/// Ghi nhận quyết định vượt chỉ tiêu bắt buộc: the chair records the conference's decision to adopt the list despite a
/// failing legal requirement, with its justification and minutes.
/// </summary>
public sealed record RecordQuotaOverride(string ConsultationProcessId, string RuleId, string Justification, string MinutesReference, string Actor, ActorRole Role)
{
    public const string NotARequirement = "not-a-requirement";
    public const string ChairRecordsOverrides = "chair-records-overrides";
    public const string AlreadyOverridden = "quota-override-already-recorded";

    public static Decision Decide(RecordQuotaOverride command, CandidateList list, Quotas.RuleSet ruleSet, DateTimeOffset now)
    {
        if (ListRefusals.WhyNotPrepare(list) is { } refusal) return Decision.Refuse(refusal);
        if (command.Role != ActorRole.CommitteeChair)
        {
            return Decision.Refuse(ChairRecordsOverrides, "Quyết định của hội nghị do người chủ trì ghi nhận.", "The chair records the conference's decision.");
        }

        var rule = ruleSet.Rules.FirstOrDefault(candidate => candidate.Id == command.RuleId);
        var title = rule?.Title ?? new BilingualText(command.RuleId, command.RuleId);
        if (rule is not { Severity: TargetSeverity.Requirement })
        {
            return Decision.Refuse(NotARequirement, $"'{title.Vi}' không phải chỉ tiêu bắt buộc; chỉ tiêu định hướng chỉ cảnh báo.",
                $"'{title.En}' is not a legal requirement; targets only warn.");
        }

        // The conference's decision is identified by its rule and minutes: a resent form must not list it twice.
        if (list.Overrides.Any(recorded => recorded.RuleId == command.RuleId && recorded.MinutesReference == command.MinutesReference))
        {
            return Decision.Refuse(AlreadyOverridden, $"Quyết định vượt chỉ tiêu '{title.Vi}' theo biên bản {command.MinutesReference} đã được ghi nhận.",
                $"The override of '{title.En}' in minutes {command.MinutesReference} is already recorded.");
        }

        return Decision.Accept(new QuotaOverrideRecorded(list.Id, command.RuleId, command.Justification, command.MinutesReference, command.Actor, now));
    }
}
