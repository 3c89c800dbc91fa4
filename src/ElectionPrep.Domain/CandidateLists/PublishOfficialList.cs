using ElectionPrep.Candidates;
using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Quotas;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.CandidateLists;

/// <summary>
/// What publishing the official list is checked against. Each member is a legal gate, so none has a default: a caller
/// cannot publish without saying what round 3 decided, what the voters said and how the quotas stand.
/// </summary>
/// <param name="Process">The process, whose list-publication step must be open to the actor.</param>
/// <param name="Definition">The process's pinned workflow definition.</param>
/// <param name="RoundThree">The round 3 conference, null until convened: its signed qualified list and special cases.</param>
/// <param name="Candidacies">The list's candidacies by id, for the voters' distrust.</param>
/// <param name="Rules">The term's rules: how many candidates a constituency needs for its seats.</param>
/// <param name="Quota">The quota rules evaluated on the list as it would be published.</param>
public sealed record PublishOfficialListInputs(
    ConsultationProcess Process, WorkflowDefinition Definition, ConsultationConference? RoundThree, IReadOnlyDictionary<string, Candidacy> Candidacies,
    RuleParameters Rules, IReadOnlyList<QuotaResult> Quota);

/// <summary>
/// Công bố danh sách chính thức: the qualified list of round 3, everyone assigned to a constituency, no one distrusted
/// without a special case decided by round 3, and every constituency with enough candidates for its seats.
/// </summary>
public sealed record PublishOfficialList(string ConsultationProcessId, string DecisionReference, string Actor, ActorRole Role)
{
    public const string NoQualifiedList = "no-qualified-list";
    public const string NotQualified = "not-qualified";
    public const string Unassigned = "unassigned-candidates";
    public const string ListRulesFailed = "list-rules-failed";
    public const string QuotaRequirementFailed = "quota-requirement-failed";

    public static Decision Decide(PublishOfficialList command, CandidateList list, PublishOfficialListInputs inputs, DateTimeOffset now)
    {
        var (process, definition, roundThree, candidacies, rules, quota) = inputs;
        var stepId = definition.StepIdOf(StepKind.ListPublication);
        if ((Refusals.WhyNotActOn(process, definition, stepId, command.Role) ?? ListRefusals.WhyNotPrepare(list)) is { } refusal) return Decision.Refuse(refusal);

        if (roundThree is not { Stage: ConferenceStage.MinutesSigned, Decisions.Candidates: { } qualifiedEntries })
        {
            return Decision.Refuse(Refusals.With(process, definition, NoQualifiedList,
                new("Chưa có danh sách những người đủ tiêu chuẩn (biên bản hiệp thương lần thứ ba chưa ký).",
                    "There is no qualified list yet (the round 3 minutes are not signed).")));
        }

        var qualified = qualifiedEntries.Select(entry => entry.CandidacyId).ToHashSet();
        var standing = list.Standing.Where(entry => qualified.Contains(entry.CandidacyId)).ToList();
        var notOnList = qualified.Where(id => list.Entry(id) is null).ToList();
        if (notOnList.Count > 0)
        {
            return Decision.Refuse(NotQualified, $"Danh sách đủ tiêu chuẩn có người không nộp hồ sơ: {string.Join(", ", notOnList)}.",
                $"The qualified list names people who filed no dossier: {string.Join(", ", notOnList)}.");
        }

        var specialCases = roundThree.Decisions.SpecialCases ?? [];
        var distrusted = standing.Where(entry => candidacies[entry.CandidacyId].IsDistrusted && specialCases.All(special => special.CandidacyId != entry.CandidacyId)).ToList();
        if (distrusted.Count > 0)
        {
            return Decision.Refuse(ListRefusals.Distrusted(distrusted.Select(e => e.FullName)));
        }

        var unassigned = standing.Where(entry => entry.ConstituencyId is null).ToList();
        if (unassigned.Count > 0)
        {
            return Decision.Refuse(Unassigned, $"Chưa dự kiến đơn vị bầu cử cho: {string.Join(", ", unassigned.Select(e => e.FullName))}.",
                $"Not yet assigned to a constituency: {string.Join(", ", unassigned.Select(e => e.FullName))}.");
        }

        var shortfalls = ListRules.Shortfalls(list.Constituencies, id => standing.Count(entry => entry.ConstituencyId == id), process.Council, rules);
        if (shortfalls.Count > 0)
        {
            return Decision.Refuse(ListRulesFailed,
                string.Join(" ", shortfalls.Select(s => $"Đơn vị {s.ConstituencyId}: {s.Candidates} người cho {s.Seats} ghế, cần ít nhất {s.Required} ({string.Join("; ", s.Basis)}).")),
                string.Join(" ", shortfalls.Select(s => $"Constituency {s.ConstituencyId}: {s.Candidates} candidates for {s.Seats} seats, at least {s.Required} required ({string.Join("; ", s.Basis)}).")));
        }

        // Targets only warn; a failing legal requirement blocks unless the conference overrode it with a justification.
        var blocking = quota.Where(result => result.Outcome == QuotaOutcome.Fail && list.Overrides.All(o => o.RuleId != result.RuleId)).ToList();
        if (blocking.Count > 0)
        {
            return Decision.Refuse(Refusals.With(process, definition, QuotaRequirementFailed, new(
                string.Join(" ", blocking.Select(r => $"{r.Title.Vi}: {r.Found?.Vi}, yêu cầu {r.Limits.Text.Vi} ({string.Join("; ", r.Basis)}); {r.Explanation.Vi}")),
                string.Join(" ", blocking.Select(r => $"{r.Title.En}: {r.Found?.En}, required {r.Limits.Text.En} ({string.Join("; ", r.Basis)}); {r.Explanation.En}")))));
        }

        var entries = list.Constituencies
            .Select(constituency => new OfficialListEntry(constituency.Id,
                ListRules.InLegalOrder(standing.Where(entry => entry.ConstituencyId == constituency.Id), entry => entry.FullName).Select(entry => entry.CandidacyId).ToList()))
            .ToList();
        return Decision.Accept(new OfficialListPublished(list.Id, entries, command.Actor, command.DecisionReference, now));
    }
}
