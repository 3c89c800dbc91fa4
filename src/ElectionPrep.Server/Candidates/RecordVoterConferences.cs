using System.Security.Claims;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using JasperFx.Events;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.Candidates;

/// <summary>One candidate's result at the conference: the candidacy and how the voters present voted on it.</summary>
public sealed record CandidateVotesRequest(string CandidacyId, int Trust, int Distrust) : ICountsVotes;

/// <summary>
/// The body of POST /api/consultation-processes/{id}/voter-conferences: one conference and its result for each candidate
/// it heard about. With <paramref name="DryRun"/> the results are decided and previewed, and nothing is recorded.
/// </summary>
public sealed record RecordVoterConferencesRequest(
    VoterConferenceKind Kind, DateOnly HeldOn, int Invited, int Present, IReadOnlyList<string> CountingTeam, string MinutesReference,
    IReadOnlyList<CandidateVotesRequest> Results, bool DryRun = false) : IHeldVoterConference;

/// <summary>What a conference's results would record, or recorded: each candidacy heard about as it stands after them.</summary>
public sealed record HeardBatch(bool DryRun, IReadOnlyList<CandidacyView> Candidacies);

public sealed class CandidateVotesRequestValidator : AbstractValidator<CandidateVotesRequest>
{
    public CandidateVotesRequestValidator()
    {
        RuleFor(r => r.CandidacyId).NotEmpty().WithMessage("Cần mã người ứng cử.", "The candidacy id is required.");
        Include(new VotesValidator());
    }
}

public sealed class RecordVoterConferencesRequestValidator : AbstractValidator<RecordVoterConferencesRequest>
{
    public RecordVoterConferencesRequestValidator()
    {
        Include(new HeldVoterConferenceValidator());
        RuleFor(r => r.Results).IsBatch("kết quả", ("result", "results"));
        RuleForEach(r => r.Results).SetValidator(new CandidateVotesRequestValidator());
    }
}

/// <summary>
/// The candidacies a conference heard about, loaded for the decision before the endpoint runs: each one's stream (to
/// append to; the append fails with 409 if anyone else writes to one before the commit), with its process's context.
/// </summary>
public sealed record VoterConferencesForWriting(IReadOnlyDictionary<string, IEventStream<Candidacy>> Streams, DecisionContext Context) : DecisionContext(Context)
{
    /// <summary>The candidacies that exist, by id; the decision refuses the others by name.</summary>
    public IReadOnlyDictionary<string, Candidacy> Candidacies =>
        Streams.Where(pair => pair.Value.Aggregate is not null).ToDictionary(pair => pair.Key, pair => pair.Value.Aggregate!);
}

/// <summary>Records one conference's results as one decision: every candidate's is recorded, or none is and every refused one is named.</summary>
public static class RecordVoterConferencesEndpoint
{
    /// <summary>Loads the route's process and, in one batch, every candidacy the results name. A missing process answers its not-found problem.</summary>
    public static async Task<(IResult, VoterConferencesForWriting?)> LoadAsync(
        string id, RecordVoterConferencesRequest request, IDocumentSession session, DecisionSources sources, CancellationToken cancellation)
    {
        if (await sources.ProcessAsync(session, id, cancellation) is not { } process) return (ProcessStreams.NotFound(id), null);

        var batch = session.CreateBatchQuery();
        var fetching = request.Results.Select(result => result.CandidacyId).Distinct()
            .Select(candidacyId => (candidacyId, Stream: batch.Events.FetchForWriting<Candidacy>(candidacyId))).ToList();
        await batch.Execute(cancellation);
        var streams = new Dictionary<string, IEventStream<Candidacy>>();
        foreach (var (candidacyId, stream) in fetching) streams[candidacyId] = await stream;
        return (WolverineContinue.Result(), new VoterConferencesForWriting(streams, sources.ContextOf(process)));
    }

    [WolverinePost(Routes.VoterConferences)]
    [ActsOn(StepKind.VoterConferences)]
    public static IResult Post(RecordVoterConferencesRequest request, VoterConferencesForWriting loaded, IDocumentSession session, ClaimsPrincipal user)
    {
        var role = Actors.RoleFor(user, loaded.Definition.StepOfKind(StepKind.VoterConferences)?.Roles ?? []);
        var command = new RecordVoterConferences(loaded.Process.Id, request.Kind, request.HeldOn, request.Invited, request.Present, request.CountingTeam,
            request.MinutesReference, [.. request.Results.Select(result => new CandidateVotes(result.CandidacyId, result.Trust, result.Distrust))], Actors.Of(user), role);
        var decision = RecordVoterConferences.Decide(command, loaded.Candidacies, loaded.Process, loaded.Definition, loaded.Term.Rules, loaded.Now);
        if (decision.Refusal is { } refusal) return Problems.Refused(refusal);

        if (!request.DryRun) EventStreams.Append(session, decision.Events, loaded.Streams.ToDictionary(pair => pair.Key, pair => (Action<object[]>)pair.Value.AppendMany));

        var heard = decision.Events.GroupBy(e => EventStreams.Of(e).StreamId)
            .Select(events => CandidacyView.Of(events.Aggregate(loaded.Streams[events.Key].Aggregate, Candidacy.Evolve)!)).ToList();
        return Results.Ok(new HeardBatch(request.DryRun, heard));
    }
}
