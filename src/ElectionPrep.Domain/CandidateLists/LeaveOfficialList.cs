using ElectionPrep.Common;

namespace ElectionPrep.CandidateLists;

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
