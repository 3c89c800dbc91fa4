using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.CandidateLists;

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
