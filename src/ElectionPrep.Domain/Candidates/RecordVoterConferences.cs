using System.Collections.Immutable;
using ElectionPrep.CandidateLists;
using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.Candidates;

/// <summary>
/// Ghi nhận kết quả một hội nghị cử tri lấy ý kiến về nhiều người ứng cử: one conference (its kind, day, voters, counting
/// team and minutes) and the trust each candidate it heard about received. Each candidate's result is decided as
/// <see cref="RecordVoterConference"/> would decide it, on the candidacy the results before it leave, so the same
/// candidate twice is refused the second time. One refused result refuses them all.
/// </summary>
public sealed record RecordVoterConferences(
    string ConsultationProcessId, VoterConferenceKind Kind, DateOnly HeldOn, int Invited, int Present, IReadOnlyList<string> CountingTeam, string MinutesReference,
    IReadOnlyList<CandidateVotes> Results, string Actor, ActorRole Role)
{
    public const string ResultsRefused = "voter-conference-results-refused";

    /// <summary>One candidate's result as its own command.</summary>
    public RecordVoterConference For(CandidateVotes votes) =>
        new(votes.CandidacyId, Kind, HeldOn, Invited, Present, votes.Trust, votes.Distrust, CountingTeam, MinutesReference, Actor, Role);

    /// <param name="candidacies">The candidacies the results name, by id; a missing one, or one of another process, is refused as not on the list.</param>
    public static Decision Decide(
        RecordVoterConferences command, IReadOnlyDictionary<string, Candidacy> candidacies, ConsultationProcess process, WorkflowDefinition definition,
        RuleParameters rules, DateTimeOffset now) =>
        Batch.Decide(command.Results, candidacies.ToImmutableDictionary(),
            (votes, state) => state.GetValueOrDefault(votes.CandidacyId) is { } candidacy && candidacy.ConsultationProcessId == command.ConsultationProcessId
                ? RecordVoterConference.Decide(command.For(votes), candidacy, process, definition, rules, now)
                : Decision.Refuse(ListRefusals.Unknown(votes.CandidacyId)),
            (state, votes, events) => state.SetItem(votes.CandidacyId, events.Aggregate(state[votes.CandidacyId], (before, e) => Candidacy.Evolve(before, e)!)),
            (votes, state) => state.GetValueOrDefault(votes.CandidacyId)?.Dossier.FullName ?? votes.CandidacyId,
            refused => new Refusal(ResultsRefused,
                new($"{refused.Count} trong {command.Results.Count} kết quả không được ghi nhận (mục {Batch.Positions(refused)}); chưa kết quả nào được ghi.",
                    $"{refused.Count} of {command.Results.Count} results were refused (items {Batch.Positions(refused)}); none was recorded."),
                Items: refused));
}

/// <summary>Kết quả lấy ý kiến về một người ứng cử tại hội nghị cử tri: how many present trusted and distrusted them.</summary>
public sealed record CandidateVotes(string CandidacyId, int Trust, int Distrust);
