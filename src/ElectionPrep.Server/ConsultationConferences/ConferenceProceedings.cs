using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using System.Security.Claims;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.ConsultationConferences;

/// <summary>The body of POST …/attendance: the ids of the invitees present.</summary>
public sealed record RecordAttendanceRequest(IReadOnlyList<string> PresentInviteeIds);

/// <summary>The body of POST …/motions.</summary>
public sealed record PutMotionRequest(string MotionId, [MultiLine] string Text);

/// <summary>The body of POST …/motions/{motionId}/vote.</summary>
public sealed record RecordVoteRequest(int For, int Against, int Abstain, VotingMethod Method);

/// <summary>The body of POST …/decisions: the round's result, adopted by <paramref name="MotionId"/>.</summary>
/// <param name="SpecialCases">Round 3 only: distrusted candidates the conference keeps, each with its reason.</param>
public sealed record RecordDecisionsRequest(
    string MotionId, int? TotalNominees, IReadOnlyList<NominationAllocation>? Allocations, IReadOnlyList<CandidateEntry>? Candidates,
    IReadOnlyList<SpecialCase>? SpecialCases = null);

public sealed class RecordAttendanceRequestValidator : AbstractValidator<RecordAttendanceRequest>
{
    public RecordAttendanceRequestValidator() =>
        RuleFor(request => request.PresentInviteeIds).NotNull().WithMessage("Cần danh sách người có mặt.", "The list of those present is required.");
}

public sealed class PutMotionRequestValidator : AbstractValidator<PutMotionRequest>
{
    public PutMotionRequestValidator()
    {
        RuleFor(request => request.MotionId).NotEmpty().Matches("^[A-Za-z0-9-]+$")
            .WithMessage("Mã vấn đề gồm chữ, số và dấu gạch ngang.", "A motion id has letters, digits and dashes.");
        RuleFor(request => request.Text).NotEmpty().WithMessage("Cần nội dung vấn đề biểu quyết.", "The motion's text is required.");
    }
}

public sealed class RecordVoteRequestValidator : AbstractValidator<RecordVoteRequest>
{
    public RecordVoteRequestValidator()
    {
        RuleFor(request => request.For).GreaterThanOrEqualTo(0).WithMessage("Số phiếu không được âm.", "A vote count cannot be negative.");
        RuleFor(request => request.Against).GreaterThanOrEqualTo(0).WithMessage("Số phiếu không được âm.", "A vote count cannot be negative.");
        RuleFor(request => request.Abstain).GreaterThanOrEqualTo(0).WithMessage("Số phiếu không được âm.", "A vote count cannot be negative.");
        RuleFor(request => request.Method).IsInEnum().WithMessage("Hình thức biểu quyết không hợp lệ.", "Unknown voting method.");
    }
}

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

/// <summary>What happens in a conference, each a decision of the domain on the conference and its process.</summary>
public static class ConferenceProceedingsEndpoints
{
    [WolverinePost(Routes.ConferenceAttendance)]
    [ActsOn]
    public static async Task<IResult> RecordAttendance(string id, RecordAttendanceRequest request, IDocumentSession session, WorkflowCatalog workflows,
        SeedCatalog seeds, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellation) =>
        (await ConferenceStreams.ActAsync(id, session, workflows, seeds, clock, user, context => ConsultationConferences.RecordAttendance.Decide(
            new RecordAttendance(id, request.PresentInviteeIds, context.Actor, context.Role), context.Conference, context.Process, context.Definition, context.Now),
            cancellation)).Result;

    [WolverinePost(Routes.ConferenceMotions)]
    [ActsOn]
    public static async Task<IResult> PutMotion(string id, PutMotionRequest request, IDocumentSession session, WorkflowCatalog workflows,
        SeedCatalog seeds, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellation) =>
        (await ConferenceStreams.ActAsync(id, session, workflows, seeds, clock, user, context => ConsultationConferences.PutMotion.Decide(
            new PutMotion(id, request.MotionId, request.Text, context.Actor, context.Role), context.Conference, context.Process, context.Definition,
            context.Rules, context.Now), cancellation)).Result;

    [WolverinePost(Routes.ConferenceVote)]
    [ActsOn]
    public static async Task<IResult> RecordVote(string id, string motionId, RecordVoteRequest request, IDocumentSession session, WorkflowCatalog workflows,
        SeedCatalog seeds, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellation) =>
        (await ConferenceStreams.ActAsync(id, session, workflows, seeds, clock, user, context => ConsultationConferences.RecordVote.Decide(
            new RecordVote(id, motionId, request.For, request.Against, request.Abstain, request.Method, context.Actor, context.Role),
            context.Conference, context.Process, context.Definition, context.Rules, context.Now), cancellation)).Result;

    /// <summary>Round 2 and 3 lists are checked against the candidate list, the preliminary list and the voters' verdicts.</summary>
    [WolverinePost(Routes.ConferenceDecisions)]
    [ActsOn]
    public static async Task<IResult> RecordDecisions(string id, RecordDecisionsRequest request, IDocumentSession session, WorkflowCatalog workflows,
        SeedCatalog seeds, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var roster = await RosterAsync(session, workflows, id, cancellation);
        return (await ConferenceStreams.ActAsync(id, session, workflows, seeds, clock, user, context => RecordRoundDecisions.Decide(
            new RecordRoundDecisions(id, request.MotionId, new RoundDecisions(request.TotalNominees, request.Allocations, request.Candidates, request.SpecialCases),
                context.Actor, context.Role), context.Conference, context.Process, context.Definition, roster, context.Now), cancellation)).Result;
    }

    private static async Task<RecordRoundDecisions.Roster?> RosterAsync(IQuerySession session, WorkflowCatalog workflows, string conferenceId, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ConsultationConference>(conferenceId, cancellation) is not { } conference) return null;

        var list = await session.LoadAsync<CandidateLists.CandidateList>(CandidateLists.CandidateList.IdFor(conference.ConsultationProcessId), cancellation);
        var standing = list?.Standing.Select(entry => entry.CandidacyId).ToHashSet() ?? [];
        var candidacies = await session.LoadManyAsync<Candidates.Candidacy>(cancellation, standing.ToArray());
        var process = (await session.LoadAsync<ConsultationProcess>(conference.ConsultationProcessId, cancellation))!;
        var preliminary = await session.LoadAsync<ConsultationConference>(
            ConsultationConference.IdFor(process.Id, workflows.DefinitionOf(process).RoundFor(RoundPurpose.PreliminaryList)), cancellation);
        return new RecordRoundDecisions.Roster(standing, candidacies.Where(c => c.IsDistrusted).Select(c => c.Id).ToHashSet(),
            preliminary?.Decisions?.Candidates?.Select(entry => entry.CandidacyId).ToHashSet());
    }
}
