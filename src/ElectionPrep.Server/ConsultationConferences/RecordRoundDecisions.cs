using System.Security.Claims;
using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.ConsultationConferences;

/// <summary>The body of POST …/decisions: the round's result, adopted by <paramref name="MotionId"/>.</summary>
/// <param name="SpecialCases">Round 3 only: distrusted candidates the conference keeps, each with its reason.</param>
public sealed record RecordDecisionsRequest(
    string MotionId, int? TotalNominees, IReadOnlyList<NominationAllocation>? Allocations, IReadOnlyList<CandidateEntry>? Candidates,
    IReadOnlyList<SpecialCase>? SpecialCases = null);

public sealed class RecordDecisionsRequestValidator : AbstractValidator<RecordDecisionsRequest>
{
    public RecordDecisionsRequestValidator()
    {
        RuleFor(request => request.MotionId).NotEmpty().WithMessage("Cần mã vấn đề đã biểu quyết.", "The adopted motion's id is required.");
        RuleFor(request => request.TotalNominees).GreaterThan(0).When(request => request.TotalNominees is not null)
            .WithMessage("Tổng số người được giới thiệu phải lớn hơn 0.", "The total of nominees must be greater than 0.");
        RuleForEach(request => request.Allocations).ChildRules(allocation =>
        {
            allocation.RuleFor(a => a.NominatingBody).NotEmpty().WithMessage("Cần tên cơ quan, tổ chức, đơn vị.", "The nominating body is required.");
            allocation.RuleFor(a => a.Nominees).GreaterThan(0).WithMessage("Số lượng phân bổ phải lớn hơn 0.", "An allocation must be greater than 0.");
            allocation.RuleFor(a => a.Composition).IsComposition();
        });
        RuleForEach(request => request.SpecialCases).ChildRules(special =>
        {
            special.RuleFor(s => s.CandidacyId).NotEmpty().WithMessage("Cần mã người ứng cử.", "The candidacy id is required.");
            special.RuleFor(s => s.Reason).NotEmpty().WithMessage("Cần lý do trường hợp đặc biệt.", "The special case's reason is required.");
        });
        RuleForEach(request => request.Candidates).ChildRules(candidate =>
        {
            candidate.RuleFor(c => c.CandidacyId).NotEmpty().WithMessage("Cần mã người ứng cử.", "The candidate id is required.");
            candidate.RuleFor(c => c.FullName).NotEmpty().WithMessage("Cần họ tên người ứng cử.", "The candidate's full name is required.");
        });
    }
}

public static class RecordRoundDecisionsEndpoint
{
    /// <summary>The conference, and what round 2 and 3 lists are checked against: the candidate list, the preliminary list and the voters' verdicts.</summary>
    public static async Task<(IResult, ConferenceForWriting?, RecordRoundDecisions.Roster?)> LoadAsync(
        string id, IDocumentSession session, DecisionSources sources, CancellationToken cancellation)
    {
        var (result, loaded) = await ConferenceStreams.LoadAsync(id, session, sources, cancellation);
        return loaded is null ? (result, null, null) : (result, loaded, await RosterAsync(session, loaded, cancellation));
    }

    [WolverinePost(Routes.ConferenceDecisions)]
    [ActsOn]
    public static IResult Post(
        RecordDecisionsRequest request, ConferenceForWriting loaded, RecordRoundDecisions.Roster roster, IDocumentSession session, ClaimsPrincipal user)
    {
        var decisions = new RoundDecisions(request.TotalNominees, request.Allocations, request.Candidates, request.SpecialCases);
        var command = new RecordRoundDecisions(loaded.Conference.Id, request.MotionId, decisions, Actors.Of(user), loaded.RoleOf(user));
        return ConferenceStreams.Answer(session, loaded,
            RecordRoundDecisions.Decide(command, loaded.Conference, loaded.Process, loaded.Definition, roster, loaded.Term.Rules, loaded.Now));
    }

    private static async Task<RecordRoundDecisions.Roster> RosterAsync(IQuerySession session, ConferenceForWriting loaded, CancellationToken cancellation)
    {
        var list = await session.LoadAsync<CandidateList>(CandidateList.IdFor(loaded.Process.Id), cancellation);
        var standing = list?.Standing.Select(entry => entry.CandidacyId).ToHashSet() ?? [];
        var candidacies = await session.LoadManyAsync<Candidacy>(cancellation, standing.ToArray());
        var preliminary = await StepGates.PreliminaryRoundAsync(session, loaded.Process, loaded.Definition, cancellation);
        // Only round 3 weighs the voters' hearing of the preliminary list.
        var heard = loaded.Definition.PurposeOf(loaded.Conference.Round) == RoundPurpose.QualifiedList
            ? await StepGates.CandidaciesOfAsync(session, preliminary, cancellation)
            : [];
        return new RecordRoundDecisions.Roster(standing, candidacies.Where(c => c.IsDistrusted).Select(c => c.Id).ToHashSet(),
            preliminary?.Decisions?.Candidates?.Select(entry => entry.CandidacyId).ToHashSet(), heard);
    }
}
