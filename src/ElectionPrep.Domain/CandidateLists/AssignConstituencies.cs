using ElectionPrep.Common;

namespace ElectionPrep.CandidateLists;

/// <summary>
/// Dự kiến nhiều người ứng cử vào đơn vị bầu cử trong một lần: the clerk places several candidates of one list at once.
/// Each placement is decided as <see cref="AssignConstituency"/> would decide it, on the list the placements before it
/// leave, so a candidate placed twice stands where the later placement puts them. One refused placement refuses them all.
/// </summary>
public sealed record AssignConstituencies(string ConsultationProcessId, IReadOnlyList<AssignConstituency> Assignments)
{
    public const string AssignmentsRefused = "assignments-refused";

    public static Decision Decide(AssignConstituencies command, CandidateList list, DateTimeOffset now) =>
        Batch.Decide(command.Assignments, list,
            (assignment, state) => AssignConstituency.Decide(assignment, state, now),
            (state, _, events) => events.Aggregate(state, (before, e) => CandidateList.Evolve(before, e)!),
            (assignment, state) => state.Entry(assignment.CandidacyId)?.FullName ?? assignment.CandidacyId,
            refused => new Refusal(AssignmentsRefused,
                new($"{refused.Count} trong {command.Assignments.Count} người ứng cử không được xếp (mục {Batch.Positions(refused)}); chưa ai được xếp.",
                    $"{refused.Count} of {command.Assignments.Count} candidates could not be placed (items {Batch.Positions(refused)}); nobody was placed."),
                Items: refused));
}
