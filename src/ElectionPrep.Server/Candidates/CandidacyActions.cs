using System.Security.Claims;
using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.Candidates;

/// <summary>The body of POST …/voter-conferences.</summary>
public sealed record RecordVoterConferenceRequest(
    VoterConferenceKind Kind, DateOnly HeldOn, int Invited, int Present, int Trust, int Distrust, IReadOnlyList<string> CountingTeam, string MinutesReference);

/// <summary>The body of POST …/complaints.</summary>
public sealed record RecordComplaintRequest(string ComplaintId, [MultiLine] string Summary, string VerifyingBody);

/// <summary>The body of POST …/complaints/{complaintId}/verification.</summary>
public sealed record VerifyComplaintRequest([MultiLine] string Finding, bool Substantiated);

/// <summary>The body of POST …/citizen-id: the corrected citizen ID (and the rest of the protected data).</summary>
public sealed record CorrectCitizenIdRequest(string CitizenId, string ResidenceAddress, string? Phone, string? Email);

public sealed class RecordVoterConferenceRequestValidator : AbstractValidator<RecordVoterConferenceRequest>
{
    public RecordVoterConferenceRequestValidator()
    {
        RuleFor(r => r.Kind).IsInEnum().WithMessage("Loại hội nghị không hợp lệ.", "Unknown conference kind.");
        RuleFor(r => r.Invited).GreaterThan(0).WithMessage("Cần số cử tri được mời.", "The number of voters invited is required.");
        RuleFor(r => r.Present).InclusiveBetween(0, int.MaxValue).LessThanOrEqualTo(r => r.Invited)
            .WithMessage("Số có mặt không vượt số được mời.", "No more present than invited.");
        RuleFor(r => r.Trust).GreaterThanOrEqualTo(0).WithMessage("Số phiếu không được âm.", "A vote count cannot be negative.");
        RuleFor(r => r.Distrust).GreaterThanOrEqualTo(0).WithMessage("Số phiếu không được âm.", "A vote count cannot be negative.");
        RuleFor(r => r.CountingTeam).NotEmpty().WithMessage("Cần tổ kiểm phiếu hoặc người đếm biểu quyết.", "The counting team is required.");
        RuleFor(r => r.MinutesReference).NotEmpty().WithMessage("Cần số biên bản hội nghị.", "The minutes reference is required.");
    }
}

public sealed class RecordComplaintRequestValidator : AbstractValidator<RecordComplaintRequest>
{
    public RecordComplaintRequestValidator()
    {
        RuleFor(r => r.ComplaintId).NotEmpty().Matches("^[A-Za-z0-9-]+$").WithMessage("Mã vụ việc gồm chữ, số và dấu gạch ngang.", "A complaint id has letters, digits and dashes.");
        RuleFor(r => r.Summary).NotEmpty().WithMessage("Cần nội dung vụ việc.", "The complaint's summary is required.");
        RuleFor(r => r.VerifyingBody).NotEmpty().WithMessage("Cần cơ quan xác minh.", "The verifying body is required.");
    }
}

public sealed class VerifyComplaintRequestValidator : AbstractValidator<VerifyComplaintRequest>
{
    public VerifyComplaintRequestValidator() =>
        RuleFor(r => r.Finding).NotEmpty().WithMessage("Cần kết quả xác minh.", "The finding is required.");
}

public sealed class CorrectCitizenIdRequestValidator : AbstractValidator<CorrectCitizenIdRequest>
{
    public CorrectCitizenIdRequestValidator()
    {
        RuleFor(r => r.CitizenId).IsCitizenId();
        RuleFor(r => r.ResidenceAddress).NotEmpty().WithMessage("Cần địa chỉ nơi cư trú.", "The residence address is required.");
    }
}

/// <summary>What happens to a candidacy between filing and the official list.</summary>
public static class CandidacyActionEndpoints
{
    [WolverinePost(Routes.CandidacyVoterConferences)]
    [ActsOn(StepKind.VoterConferences)]
    public static async Task<IResult> RecordVoterConference(string id, RecordVoterConferenceRequest request, IDocumentSession session, WorkflowCatalog workflows,
        SeedCatalog seeds, TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Candidacy>(id, cancellation);
        if (stream.Aggregate is not { } candidacy) return CandidacyEndpoints.NotFound(id);

        var process = (await session.LoadAsync<ConsultationProcess>(candidacy.ConsultationProcessId, cancellation))!;
        var definition = workflows.DefinitionOf(process);
        var role = Actors.RoleFor(user, definition.StepOfKind(StepKind.VoterConferences)?.Roles ?? []);
        var decision = Candidates.RecordVoterConference.Decide(new RecordVoterConference(id, request.Kind, request.HeldOn, request.Invited, request.Present,
            request.Trust, request.Distrust, request.CountingTeam, request.MinutesReference, Actors.Of(user), role), candidacy, process, definition,
            seeds.FindTerm(process.TermId)!.Rules, clock.GetUtcNow());
        return Apply(stream, candidacy, decision);
    }

    [WolverinePost(Routes.CandidacyComplaints)]
    [ActsOn(StepKind.VoterConferences)]
    public static async Task<IResult> RecordComplaint(string id, RecordComplaintRequest request, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Candidacy>(id, cancellation);
        return stream.Aggregate is not { } candidacy
            ? CandidacyEndpoints.NotFound(id)
            : Apply(stream, candidacy, Candidates.RecordComplaint.Decide(
                new RecordComplaint(id, request.ComplaintId, request.Summary, request.VerifyingBody, Actors.Of(user)), candidacy, clock.GetUtcNow()));
    }

    [WolverinePost(Routes.CandidacyComplaintVerification)]
    [ActsOn(StepKind.VoterConferences)]
    public static async Task<IResult> VerifyComplaint(string id, string complaintId, VerifyComplaintRequest request, IDocumentSession session, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Candidacy>(id, cancellation);
        return stream.Aggregate is not { } candidacy
            ? CandidacyEndpoints.NotFound(id)
            : Apply(stream, candidacy, Candidates.VerifyComplaint.Decide(
                new VerifyComplaint(id, complaintId, request.Finding, request.Substantiated, Actors.Of(user)), candidacy, clock.GetUtcNow()));
    }

    /// <summary>
    /// Corrects the citizen ID; if the person then stands at too many levels, every one of their candidacies is
    /// struck from its list. Only the Election Committee's clerks and the Front's standing board correct identities.
    /// </summary>
    [WolverinePost(Routes.CandidacyCitizenId)]
    [ActsOn(StepKind.DossierWindow)]
    public static async Task<IResult> CorrectCitizenId(string id, CorrectCitizenIdRequest request, IDocumentSession session, SeedCatalog seeds, PersonKeys keys,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var candidacy = await session.LoadAsync<Candidacy>(id, cancellation);
        if (candidacy is null) return CandidacyEndpoints.NotFound(id);

        var personId = await keys.PersonIdAsync(request.CitizenId, cancellation);
        var person = await session.Events.FetchForWriting<Person>(personId, cancellation);
        var others = (await session.LoadManyAsync<Candidacy>(cancellation, (person.Aggregate?.Candidacies.Keys ?? []).ToArray()))
            .ToDictionary(other => other.Id);
        var rules = seeds.FindTerm((await session.LoadAsync<ConsultationProcess>(candidacy.ConsultationProcessId, cancellation))!.TermId)!.Rules;
        var decision = Candidates.CorrectCitizenId.Decide(new CorrectCitizenId(id, personId, new ProtectedPersonalData(request.CitizenId, request.ResidenceAddress,
            request.Phone, request.Email), Actors.Of(user)), candidacy, person.Aggregate, others, rules, clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return Problems.Refused(refusal);

        await EventStreams.AppendAsync(session, decision.Events, new Dictionary<string, Action<object>> { [personId] = person.AppendOne }, cancellation);
        var after = decision.Events.Where(e => EventStreams.Of(e).StreamId == id).Aggregate(candidacy, (state, e) => Candidacy.Evolve(state, e)!);
        return Results.Ok(CandidacyView.Of(after));
    }

    private static IResult Apply(JasperFx.Events.IEventStream<Candidacy> stream, Candidacy candidacy, Decision decision) =>
        stream.Apply(decision, candidacy, Candidacy.Evolve, CandidacyView.Of);
}
