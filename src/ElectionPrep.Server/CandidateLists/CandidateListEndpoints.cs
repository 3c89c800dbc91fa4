using System.Security.Claims;
using ElectionPrep.Candidates;
using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace ElectionPrep.CandidateLists;

/// <summary>The body of POST …/candidate-list/constituencies.</summary>
public sealed record PublishConstituenciesRequest(IReadOnlyList<Constituency> Constituencies, string DecisionReference, long? ExpectedVersion);

/// <summary>The body of POST …/candidate-list/assignments.</summary>
/// <param name="ExpectedVersion">The list version the clerk last read: another clerk's change in between answers 409.</param>
public sealed record AssignConstituencyRequest(string CandidacyId, string ConstituencyId, long? ExpectedVersion);

/// <summary>The body of POST …/candidate-list/official.</summary>
public sealed record PublishOfficialListRequest(string DecisionReference, long? ExpectedVersion);

/// <summary>The body of POST …/candidate-list/elected.</summary>
public sealed record RecordElectionResultsRequest(IReadOnlyList<string> Elected, string DecisionReference);

/// <summary>Who leaves the official list, by whose decision.</summary>
public interface ILeaveOfficialListRequest
{
    string CandidacyId { get; }

    string DecidingBody { get; }

    string DecisionReference { get; }
}

/// <summary>The body of POST …/candidate-list/removals: a removal needs its ground under Luật 85 Điều 60.</summary>
public sealed record RemovalRequest(string CandidacyId, [MultiLine] string Ground, string DecidingBody, string DecisionReference) : ILeaveOfficialListRequest;

/// <summary>The body of POST …/candidate-list/withdrawals.</summary>
public sealed record WithdrawalRequest(string CandidacyId, string DecidingBody, string DecisionReference) : ILeaveOfficialListRequest;

public sealed class PublishConstituenciesRequestValidator : AbstractValidator<PublishConstituenciesRequest>
{
    public PublishConstituenciesRequestValidator()
    {
        RuleFor(r => r.Constituencies).NotEmpty().WithMessage("Cần danh sách đơn vị bầu cử.", "The constituencies are required.");
        RuleFor(r => r.Constituencies).Must(list => list is null || list.Select(c => c.Id).Distinct().Count() == list.Count)
            .WithMessage("Mã đơn vị bầu cử không được trùng.", "Constituency ids must be unique.");
        RuleForEach(r => r.Constituencies).ChildRules(constituency =>
        {
            constituency.RuleFor(c => c.Id).NotEmpty().WithMessage("Cần mã đơn vị bầu cử.", "The constituency id is required.");
            constituency.RuleFor(c => c.Name).NotEmpty().WithMessage("Cần tên đơn vị bầu cử.", "The constituency name is required.");
            constituency.RuleFor(c => c.Seats).GreaterThan(0).WithMessage("Mỗi đơn vị bầu ít nhất 1 đại biểu.", "A constituency elects at least one deputy.");
        });
        RuleFor(r => r.DecisionReference).NotEmpty().WithMessage("Cần số quyết định công bố.", "The publishing decision's reference is required.");
        RuleFor(r => r.ExpectedVersion).IsExpectedVersion();
    }
}

public sealed class AssignConstituencyRequestValidator : AbstractValidator<AssignConstituencyRequest>
{
    public AssignConstituencyRequestValidator()
    {
        RuleFor(r => r.CandidacyId).NotEmpty().WithMessage("Cần mã người ứng cử.", "The candidacy id is required.");
        RuleFor(r => r.ConstituencyId).NotEmpty().WithMessage("Cần mã đơn vị bầu cử.", "The constituency id is required.");
        RuleFor(r => r.ExpectedVersion).IsExpectedVersion();
    }
}

public sealed class PublishOfficialListRequestValidator : AbstractValidator<PublishOfficialListRequest>
{
    public PublishOfficialListRequestValidator()
    {
        RuleFor(r => r.DecisionReference).NotEmpty().WithMessage("Cần số quyết định công bố.", "The publishing decision's reference is required.");
        RuleFor(r => r.ExpectedVersion).IsExpectedVersion();
    }
}

public sealed class RecordElectionResultsRequestValidator : AbstractValidator<RecordElectionResultsRequest>
{
    public RecordElectionResultsRequestValidator()
    {
        RuleFor(r => r.DecisionReference).NotEmpty().WithMessage("Cần số biên bản xác định kết quả bầu cử.", "The reference of the election result record is required.");
        RuleFor(r => r.Elected).NotEmpty().WithMessage("Cần danh sách người trúng cử.", "The list of those elected is required.");
        RuleForEach(r => r.Elected).NotEmpty().WithMessage("Mã người trúng cử không được trống.", "An elected candidacy id is empty.");
        RuleFor(r => r.Elected).Must(elected => elected is null || elected.Distinct().Count() == elected.Count)
            .WithMessage("Một người được ghi trúng cử hai lần.", "Someone is recorded as elected twice.");
    }
}

/// <summary>What every departure from the official list names.</summary>
public sealed class LeaveOfficialListRules<T> : AbstractValidator<T>
    where T : ILeaveOfficialListRequest
{
    public LeaveOfficialListRules()
    {
        RuleFor(r => r.CandidacyId).NotEmpty().WithMessage("Cần mã người ứng cử.", "The candidacy id is required.");
        RuleFor(r => r.DecidingBody).NotEmpty().WithMessage("Cần cơ quan quyết định.", "The deciding body is required.");
        RuleFor(r => r.DecisionReference).NotEmpty().WithMessage("Cần số quyết định.", "The decision's reference is required.");
    }
}

public sealed class RemovalRequestValidator : AbstractValidator<RemovalRequest>
{
    public RemovalRequestValidator()
    {
        Include(new LeaveOfficialListRules<RemovalRequest>());
        RuleFor(r => r.Ground).NotEmpty().WithMessage("Cần căn cứ xóa tên (Luật 85 Điều 60).", "A ground for removal (Luật 85 Điều 60) is required.");
    }
}

public sealed class WithdrawalRequestValidator : AbstractValidator<WithdrawalRequest>
{
    public WithdrawalRequestValidator() => Include(new LeaveOfficialListRules<WithdrawalRequest>());
}

/// <summary>Building the list, checking it, publishing it and what may happen to it after.</summary>
public static class CandidateListEndpoints
{
    [WolverinePost(Routes.Constituencies)]
    [ActsOn(StepKind.ConstituencyPublication)]
    public static async Task<IResult> PublishConstituencies(string id, PublishConstituenciesRequest request, IDocumentSession session, SeedCatalog seeds,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var process = await session.LoadAsync<ConsultationProcess>(id, cancellation);
        if (process is null) return ProcessStreams.NotFound(id);
        var (stream, stale) = await FetchAsync(session, id, request.ExpectedVersion, cancellation);
        if (stale is not null) return stale;

        var decision = CandidateLists.PublishConstituencies.Decide(new PublishConstituencies(id, request.Constituencies, request.DecisionReference, Actors.Of(user)),
            stream.Aggregate, process.Council, seeds.FindTerm(process.TermId)!.Rules, clock.GetUtcNow());
        return Apply(stream, decision, process, seeds);
    }

    [WolverinePost(Routes.Assignments)]
    [ActsOn(StepKind.ListPublication)]
    public static async Task<IResult> Assign(string id, AssignConstituencyRequest request, IDocumentSession session, SeedCatalog seeds,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var process = await session.LoadAsync<ConsultationProcess>(id, cancellation);
        var (stream, stale) = await FetchAsync(session, id, request.ExpectedVersion, cancellation);
        if (stale is not null) return stale;
        if (process is null || stream.Aggregate is null) return NotFound(id);

        var decision = AssignConstituency.Decide(new AssignConstituency(id, request.CandidacyId, request.ConstituencyId, Actors.Of(user)), stream.Aggregate, clock.GetUtcNow());
        return Apply(stream, decision, process, seeds);
    }

    /// <summary>Publishes the official list after checking it; publication completes the workflow step.</summary>
    [WolverinePost(Routes.OfficialList)]
    [ActsOn(StepKind.ListPublication)]
    public static async Task<(IResult, OutgoingMessages)> PublishOfficialList(string id, PublishOfficialListRequest request, IDocumentSession session,
        WorkflowCatalog workflows, SeedCatalog seeds, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var process = await session.LoadAsync<ConsultationProcess>(id, cancellation);
        var (stream, stale) = await FetchAsync(session, id, request.ExpectedVersion, cancellation);
        if (stale is not null) return (stale, []);
        if (process is null || stream.Aggregate is not { } list) return (NotFound(id), []);

        var definition = workflows.DefinitionOf(process);
        var step = definition.StepOfKind(StepKind.ListPublication);
        var role = Actors.RoleFor(user, step?.Roles ?? []);
        var roundThree = await session.LoadAsync<ConsultationConference>(ConsultationConference.IdFor(id, definition.RoundFor(RoundPurpose.QualifiedList)), cancellation);
        var candidacies = (await session.LoadManyAsync<Candidacy>(cancellation, list.Entries.Select(entry => entry.CandidacyId).ToArray())).ToDictionary(c => c.Id);
        var wouldPublish = await Quotas.QuotaSubjects.ForAsync(session, process, definition, list, Quotas.ListScope.Qualified, seeds, cancellation);
        var quota = Quotas.QuotaEvaluation.Evaluate(seeds.RuleSetFor(process.Council), wouldPublish, seeds.UnitParameters(process.JurisdictionCode));
        var decision = CandidateLists.PublishOfficialList.Decide(new PublishOfficialList(id, request.DecisionReference, Actors.Of(user), role),
            list, new PublishOfficialListInputs(process, definition, roundThree, candidacies, seeds.FindTerm(process.TermId)!.Rules, quota), clock.GetUtcNow());
        var result = Apply(stream, decision, process, seeds);
        return decision.IsRefused || step is null
            ? (result, [])
            : (result, [new CompleteStep(id, step.Id, Actors.Of(user), role, request.DecisionReference, null)]);
    }

    [WolverinePost(Routes.Removals)]
    [ActsOn(StepKind.ListPublication)]
    public static Task<IResult> Remove(string id, RemovalRequest request, IDocumentSession session, SeedCatalog seeds, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken cancellation) =>
        LeaveAsync(id, request, request.Ground, session, seeds, clock, user, cancellation);

    [WolverinePost(Routes.Withdrawals)]
    [ActsOn(StepKind.ListPublication)]
    public static Task<IResult> Withdraw(string id, WithdrawalRequest request, IDocumentSession session, SeedCatalog seeds, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken cancellation) =>
        LeaveAsync(id, request, null, session, seeds, clock, user, cancellation);

    /// <summary>Records who was elected, by the election body's decision (for quotas counted on the elected).</summary>
    [WolverinePost(Routes.ElectionResults)]
    [ActsOn(StepKind.ListPublication)]
    public static async Task<IResult> RecordResults(string id, RecordElectionResultsRequest request, IDocumentSession session, SeedCatalog seeds, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken cancellation)
    {
        var process = await session.LoadAsync<ConsultationProcess>(id, cancellation);
        var (stream, _) = await FetchAsync(session, id, null, cancellation);
        if (process is null || stream.Aggregate is null) return NotFound(id);

        var decision = RecordElectionResults.Decide(new RecordElectionResults(id, request.Elected ?? [], request.DecisionReference, Actors.Of(user)), stream.Aggregate, clock.GetUtcNow());
        return Apply(stream, decision, process, seeds);
    }

    [WolverineGet(Routes.CandidateList)]
    [ReadsDossiers]
    public static async Task<IResult> Get(string id, IQuerySession session, SeedCatalog seeds, CancellationToken cancellation)
    {
        var process = await session.LoadAsync<ConsultationProcess>(id, cancellation);
        var list = await session.LoadAsync<CandidateList>(CandidateList.IdFor(id), cancellation);
        if (process is null || list is null) return NotFound(id);

        var version = (await session.Events.FetchStreamStateAsync(list.Id, cancellation))?.Version ?? 0;
        var candidacies = await session.LoadManyAsync<Candidacy>(cancellation, list.Entries.Select(entry => entry.CandidacyId).ToArray());
        return Results.Ok(CandidateListView.Of(list, process, seeds.FindTerm(process.TermId)!.Rules, version) with
        {
            // What round 3 must weigh: who the voters distrusted and which complaints are still being verified.
            Verdicts = candidacies.Select(c => new VoterVerdict(c.Id, c.IsDistrusted, c.UnresolvedComplaints.Select(complaint => complaint.Summary).ToList())).ToList(),
        });
    }

    private static async Task<IResult> LeaveAsync(string id, ILeaveOfficialListRequest request, string? ground, IDocumentSession session, SeedCatalog seeds,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var process = await session.LoadAsync<ConsultationProcess>(id, cancellation);
        var (stream, _) = await FetchAsync(session, id, null, cancellation);
        if (process is null || stream.Aggregate is null) return NotFound(id);

        var decision = LeaveOfficialList.Decide(new LeaveOfficialList(id, request.CandidacyId, ground, request.DecidingBody, request.DecisionReference, Actors.Of(user)),
            stream.Aggregate, clock.GetUtcNow());
        return Apply(stream, decision, process, seeds);
    }

    /// <summary>
    /// Fetches the list for an optimistic write. A client's stale version is answered at once with 409 and the
    /// current version; a change landing between this read and the commit is caught by Marten, also as 409.
    /// </summary>
    private static async Task<(IEventStream<CandidateList> Stream, IResult? Stale)> FetchAsync(IDocumentSession session, string processId, long? expectedVersion, CancellationToken cancellation)
    {
        var listId = CandidateList.IdFor(processId);
        if (await StaleVersions.RefuseAsync(session, listId, expectedVersion, cancellation) is { } stale) return (null!, stale);

        var stream = expectedVersion is { } version
            ? await session.Events.FetchForWriting<CandidateList>(listId, version, cancellation)
            : await session.Events.FetchForWriting<CandidateList>(listId, cancellation);
        return (stream, null);
    }

    private static IResult Apply(IEventStream<CandidateList> stream, Decision decision, ConsultationProcess process, SeedCatalog seeds) =>
        stream.Apply(decision, stream.Aggregate ?? CandidateList.Empty(process.Id), CandidateList.Evolve,
            after => CandidateListView.Of(after, process, seeds.FindTerm(process.TermId)!.Rules, stream.CurrentVersion ?? 0));

    public static IResult NotFound(string processId) =>
        Problems.NotFound(new BilingualText($"Quy trình '{processId}' chưa có danh sách người ứng cử.", $"Process '{processId}' has no candidate list."));
}

/// <summary>The list as clerks see it: who stands where, each constituency's count against the legal minimum, and the version.</summary>
public sealed record CandidateListView(
    string Id,
    string ConsultationProcessId,
    CandidateListStage Stage,
    long Version,
    IReadOnlyList<ListEntry> Entries,
    IReadOnlyList<ConstituencyView> Constituencies,
    IReadOnlyList<OfficialListEntry>? Official,
    string? OfficialDecisionReference,
    IReadOnlyList<VoterVerdict>? Verdicts = null)
{
    public static CandidateListView Of(CandidateList list, ConsultationProcess process, RuleParameters rules, long version)
    {
        int Standing(string constituencyId) => list.Standing.Count(entry => entry.ConstituencyId == constituencyId);
        var shortfalls = ListRules.Shortfalls(list.Constituencies, Standing, process.Council, rules).ToDictionary(s => s.ConstituencyId);
        return new CandidateListView(list.Id, list.ConsultationProcessId, list.Stage, version, list.Entries,
            list.Constituencies.Select(c => new ConstituencyView(c.Id, c.Name, c.Seats, Standing(c.Id),
                ListRules.MinimumCandidates(c.Seats, process.Council, rules).Required, shortfalls.ContainsKey(c.Id))).ToList(),
            list.Official, list.OfficialDecisionReference);
    }
}

/// <summary>Per candidate: distrusted by more than half at a voter conference, and the complaints not yet verified.</summary>
public sealed record VoterVerdict(string CandidacyId, bool Distrusted, IReadOnlyList<string> UnresolvedComplaints);

/// <param name="BelowMinimum">Flagged when removals or withdrawals leave fewer candidates than the law requires.</param>
public sealed record ConstituencyView(string Id, string Name, int Seats, int Candidates, int Required, bool BelowMinimum);
