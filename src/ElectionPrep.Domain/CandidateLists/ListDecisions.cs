using System.Globalization;
using ElectionPrep.Candidates;
using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.CandidateLists;

/// <summary>Refusals shared by the decisions on a candidate list.</summary>
public static class ListRefusals
{
    public const string ListIsOfficial = "list-is-official";
    public const string ListNotOfficial = "list-not-official";
    public const string UnknownCandidate = "unknown-candidate";
    public const string CandidateNotStanding = "candidate-not-standing";
    public const string UnknownConstituency = "unknown-constituency";
    public const string DistrustedWithoutSpecialCase = "distrusted-without-special-case";

    public static Refusal? WhyNotOfficial(CandidateList list) =>
        list.Stage != CandidateListStage.Official
            ? new Refusal(ListNotOfficial, new("Danh sách chính thức chưa công bố.", "The official list is not published yet."))
            : null;

    /// <summary>
    /// Distrusted by voters beyond the seeded exclusion threshold (the figure is data, so the text does not restate it):
    /// such people go forward only as a special case, with its reason, that consultation round 3 decides.
    /// </summary>
    public static Refusal Distrusted(IEnumerable<string> fullNames) => new(DistrustedWithoutSpecialCase, new(
        $"Bị cử tri không tín nhiệm quá ngưỡng loại mà hội nghị hiệp thương lần thứ ba chưa quyết định là trường hợp đặc biệt có lý do: {string.Join(", ", fullNames)}.",
        $"Distrusted by voters beyond the exclusion threshold, and no special case with its reason decided by consultation round 3: {string.Join(", ", fullNames)}."));

    public static Refusal? WhyNotPrepare(CandidateList list) =>
        list.Stage == CandidateListStage.Official
            ? new Refusal(ListIsOfficial, new("Danh sách chính thức đã công bố; chỉ còn xóa tên hoặc rút khỏi danh sách theo quyết định.",
                "The official list is published; only removals and withdrawals by decision remain."))
            : null;

    public static Refusal? WhyNotStanding(CandidateList list, string candidacyId) => list.Entry(candidacyId) switch
    {
        null => new Refusal(UnknownCandidate, new($"Không có người ứng cử '{candidacyId}' trong danh sách.", $"There is no candidate '{candidacyId}' on the list.")),
        { Status: not ListEntryStatus.Standing } entry => new Refusal(CandidateNotStanding,
            new($"Người ứng cử không còn trong danh sách ({entry.Status}).", $"The candidate is no longer on the list ({entry.Status}).")),
        _ => null,
    };
}

/// <summary>Công bố đơn vị bầu cử và số đại biểu được bầu ở mỗi đơn vị.</summary>
public sealed record PublishConstituencies(string ConsultationProcessId, IReadOnlyList<Constituency> Constituencies, string DecisionReference, string Actor)
{
    public const string TooManySeats = "too-many-seats";

    public static Decision Decide(PublishConstituencies command, CandidateList? list, CouncilKind council, RuleParameters rules, DateTimeOffset now)
    {
        if (list is not null && ListRefusals.WhyNotPrepare(list) is { } refusal) return Decision.Refuse(refusal);

        var limit = ListRules.SeatLimitFor(council, rules);
        var tooMany = command.Constituencies.Where(constituency => constituency.Seats > limit.MaxSeats).Select(constituency => constituency.Id).ToList();
        if (tooMany.Count > 0)
        {
            return Decision.Refuse(new Refusal(TooManySeats, new(
                $"Mỗi đơn vị bầu cử được bầu không quá {limit.MaxSeats} đại biểu ({string.Join("; ", limit.Source.Basis)}): {string.Join(", ", tooMany)}.",
                $"A constituency elects at most {limit.MaxSeats} deputies ({string.Join("; ", limit.Source.Basis)}): {string.Join(", ", tooMany)}.")));
        }

        return Decision.Accept(new ConstituenciesPublished(CandidateList.IdFor(command.ConsultationProcessId), command.Constituencies, command.Actor, command.DecisionReference, now));
    }
}

/// <summary>Dự kiến người ứng cử ở một đơn vị bầu cử (one constituency per person per level).</summary>
public sealed record AssignConstituency(string ConsultationProcessId, string CandidacyId, string ConstituencyId, string Actor)
{
    public static Decision Decide(AssignConstituency command, CandidateList list, DateTimeOffset now)
    {
        if ((ListRefusals.WhyNotPrepare(list) ?? ListRefusals.WhyNotStanding(list, command.CandidacyId)) is { } refusal) return Decision.Refuse(refusal);
        if (list.Constituencies.All(constituency => constituency.Id != command.ConstituencyId))
        {
            return Decision.Refuse(ListRefusals.UnknownConstituency, $"Không có đơn vị bầu cử '{command.ConstituencyId}'.", $"There is no constituency '{command.ConstituencyId}'.");
        }

        return Decision.Accept(new CandidateAssigned(list.Id, command.CandidacyId, command.ConstituencyId, command.Actor, now));
    }
}

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

    /// <summary>Shares in the refusal read the same whatever culture the request runs under: 33,33% in Vietnamese, 33.33% in English.</summary>
    private static readonly CultureInfo VietnameseNumbers = CultureInfo.GetCultureInfo("vi-VN");

    /// <param name="quota">The quota rules evaluated on the list as it would be published.</param>
    public static Decision Decide(
        PublishOfficialList command, CandidateList list, ConsultationProcess process, WorkflowDefinition definition,
        ConsultationConference? roundThree, IReadOnlyDictionary<string, Candidacy> candidacies, RuleParameters rules, DateTimeOffset now,
        IReadOnlyList<Quotas.QuotaResult>? quota = null)
    {
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
        var blocking = (quota ?? []).Where(result => result.Outcome == Quotas.QuotaOutcome.Fail && list.Overrides.All(o => o.RuleId != result.RuleId)).ToList();
        if (blocking.Count > 0)
        {
            return Decision.Refuse(Refusals.With(process, definition, QuotaRequirementFailed, new(
                string.Join(" ", blocking.Select(r => string.Create(VietnameseNumbers, $"{r.Title.Vi}: {r.Count}/{r.Total} ({r.SharePercent}%)") + $", yêu cầu {r.Bound} ({string.Join("; ", r.Basis)}); {r.Explanation.Vi}")),
                string.Join(" ", blocking.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Title.En}: {r.Count}/{r.Total} ({r.SharePercent}%)") + $", required {r.Bound} ({string.Join("; ", r.Basis)}); {r.Explanation.En}")))));
        }

        var entries = list.Constituencies
            .Select(constituency => new OfficialListEntry(constituency.Id,
                ListRules.InLegalOrder(standing.Where(entry => entry.ConstituencyId == constituency.Id), entry => entry.FullName).Select(entry => entry.CandidacyId).ToList()))
            .ToList();
        return Decision.Accept(new OfficialListPublished(list.Id, entries, command.Actor, command.DecisionReference, now));
    }
}

/// <summary>
/// Xóa tên (Luật 85 Điều 60) or rút khỏi danh sách after the official list, each by the deciding body's decision.
/// The list then flags constituencies that fell below the minimum (see <see cref="ListRules.Shortfalls"/>).
/// </summary>
public sealed record LeaveOfficialList(string ConsultationProcessId, string CandidacyId, string? Ground, string DecidingBody, string DecisionReference, string Actor)
{
    public bool IsWithdrawal => Ground is null;

    public static Decision Decide(LeaveOfficialList command, CandidateList list, DateTimeOffset now)
    {
        if (ListRefusals.WhyNotOfficial(list) is { } notOfficial) return Decision.Refuse(notOfficial);

        if (ListRefusals.WhyNotStanding(list, command.CandidacyId) is { } refusal) return Decision.Refuse(refusal);

        return Decision.Accept(command.IsWithdrawal
            ? new CandidateWithdrawn(list.Id, command.CandidacyId, command.DecidingBody, command.DecisionReference, command.Actor, now)
            : new CandidateRemoved(list.Id, command.CandidacyId, command.Ground!, command.DecidingBody, command.DecisionReference, command.Actor, now));
    }
}

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

        if (ruleSet.Rules.FirstOrDefault(rule => rule.Id == command.RuleId) is not { Severity: TargetSeverity.Requirement })
        {
            return Decision.Refuse(NotARequirement, $"'{command.RuleId}' không phải chỉ tiêu bắt buộc; chỉ tiêu định hướng chỉ cảnh báo.",
                $"'{command.RuleId}' is not a legal requirement; targets only warn.");
        }

        // The conference's decision is identified by its rule and minutes: a resent form must not list it twice.
        if (list.Overrides.Any(recorded => recorded.RuleId == command.RuleId && recorded.MinutesReference == command.MinutesReference))
        {
            return Decision.Refuse(AlreadyOverridden, $"Quyết định vượt chỉ tiêu '{command.RuleId}' theo biên bản {command.MinutesReference} đã được ghi nhận.",
                $"The override of '{command.RuleId}' in minutes {command.MinutesReference} is already recorded.");
        }

        return Decision.Accept(new QuotaOverrideRecorded(list.Id, command.RuleId, command.Justification, command.MinutesReference, command.Actor, now));
    }
}

/// <summary>Ghi nhận kết quả bầu cử: the elected, each standing on the official list, no more than the seats.</summary>
public sealed record RecordElectionResults(string ConsultationProcessId, IReadOnlyList<string> Elected, string DecisionReference, string Actor)
{
    public const string ResultsRecorded = "results-already-recorded";
    public const string NotOnOfficialList = "not-on-official-list";
    public const string MoreThanSeats = "more-elected-than-seats";

    public static Decision Decide(RecordElectionResults command, CandidateList list, DateTimeOffset now)
    {
        if (ListRefusals.WhyNotOfficial(list) is { } notOfficial) return Decision.Refuse(notOfficial);

        if (list.Elected is not null)
        {
            return Decision.Refuse(ResultsRecorded, "Kết quả bầu cử đã được ghi nhận.", "The election results are already recorded.");
        }

        var official = list.Official!.SelectMany(entry => entry.CandidacyIds).Where(id => list.Entry(id)?.Status == ListEntryStatus.Standing).ToHashSet();
        if (command.Elected.Where(id => !official.Contains(id)).ToList() is { Count: > 0 } outside)
        {
            return Decision.Refuse(NotOnOfficialList, $"Không có trong danh sách chính thức: {string.Join(", ", outside)}.", $"Not on the official list: {string.Join(", ", outside)}.");
        }

        var seats = list.Constituencies.Sum(constituency => constituency.Seats);
        if (command.Elected.Distinct().Count() > seats)
        {
            return Decision.Refuse(MoreThanSeats, $"Số người trúng cử vượt {seats} ghế.", $"More elected than the {seats} seats.");
        }

        return Decision.Accept(new ElectionResultsRecorded(list.Id, command.Elected.Distinct().ToList(), command.DecisionReference, command.Actor, now));
    }
}
