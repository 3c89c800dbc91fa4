using ElectionPrep.Common;

namespace ElectionPrep.CandidateLists;

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
