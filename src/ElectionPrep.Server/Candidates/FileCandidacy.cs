using System.Security.Claims;
using System.Text;
using ElectionPrep.CandidateLists;
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
using Marten.Services.BatchQuerying;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.Candidates;

/// <summary>The body of POST /api/consultation-processes/{id}/candidacies: the dossier, then the protected data.</summary>
public sealed record FileCandidacyRequest(
    string FullName,
    DateOnly DateOfBirth,
    Gender? Gender,
    string Ethnicity,
    string Religion,
    string Nationality,
    IReadOnlyList<string>? OtherNationalities,
    bool PartyMember,
    string Education,
    string Profession,
    string Workplace,
    string? WorkplaceUnitCode,
    string ResidenceUnitCode,
    CouncilKind? IncumbentOf,
    Nomination? Nomination,
    IReadOnlyList<DocumentUpload>? Documents,
    IReadOnlyList<string>? BarringGrounds,
    bool FullTime,
    string CitizenId,
    string ResidenceAddress,
    string? Phone,
    string? Email)
{
    /// <summary>The dossier as sent; a missing gender reads as the first only in the eligibility preview of a refused request, which never files it.</summary>
    public CandidateDossier Dossier => new(FullName, DateOfBirth, Gender.GetValueOrDefault(), Ethnicity, Religion, Nationality, OtherNationalities ?? [], PartyMember,
        Education, Profession, Workplace, WorkplaceUnitCode, ResidenceUnitCode, IncumbentOf, Nomination,
        [.. (Documents ?? []).Select(document => new DossierDocument(document.Kind, document.Sha256))], BarringGrounds ?? [], FullTime);

    public ProtectedPersonalData Protected => new(CitizenId, ResidenceAddress, Phone, Email, (Documents ?? []).ToDictionary(document => document.Kind, document => document.FileName));
}

/// <summary>A document as the dossier form sends it: its kind, the file's name (kept protected) and its SHA-256.</summary>
public sealed record DocumentUpload(DocumentKind Kind, string FileName, string Sha256);

/// <summary>Field by field, in Vietnamese and English; eligibility itself is the domain's decision.</summary>
public sealed class FileCandidacyRequestValidator : AbstractValidator<FileCandidacyRequest>
{
    public FileCandidacyRequestValidator(SeedCatalog seeds)
    {
        RuleFor(r => r.FullName).NotEmpty().WithMessage("Cần họ và tên.", "The full name is required.");
        RuleFor(r => r.FullName).Must(name => name is null || name.IsNormalized(NormalizationForm.FormC))
            .WithMessage("Họ và tên phải ở dạng Unicode dựng sẵn (NFC).", "The full name must be Unicode NFC (precomposed).");
        RuleFor(r => r.FullName).MaximumLength(100).WithMessage("Họ và tên quá dài.", "The full name is too long.");
        // Plausibility only (a typo, a missing date): whether the person is old enough is the eligibility rule's to say.
        var latestElectionDay = seeds.LatestTerm.ElectionDay;
        RuleFor(r => r.DateOfBirth).InclusiveBetween(latestElectionDay.AddYears(-120), latestElectionDay)
            .WithMessage("Ngày sinh không hợp lệ.", "The date of birth is not plausible.");
        RuleFor(r => r.Gender).NotNull().WithMessage("Cần chọn giới tính.", "Choose the gender.").IsInEnum().WithMessage("Giới tính không hợp lệ.", "Unknown gender.");
        RuleFor(r => r.Ethnicity).NotEmpty().WithMessage("Cần dân tộc.", "The ethnicity is required.");
        RuleFor(r => r.Religion).NotEmpty().WithMessage("Cần tôn giáo (ghi 'Không' nếu không có).", "The religion is required ('Không' for none).");
        RuleFor(r => r.Nationality).NotEmpty().WithMessage("Cần quốc tịch.", "The nationality is required.");
        RuleFor(r => r.Education).NotEmpty().WithMessage("Cần trình độ học vấn.", "The education is required.");
        RuleFor(r => r.Profession).NotEmpty().WithMessage("Cần nghề nghiệp, chức vụ.", "The profession is required.");
        RuleFor(r => r.Workplace).NotEmpty().WithMessage("Cần nơi công tác.", "The workplace is required.");
        RuleFor(r => r.ResidenceUnitCode).Must(code => seeds.Units.Find(code)?.Level == UnitLevel.Commune)
            .WithMessage("Nơi cư trú phải là một xã, phường, thị trấn có trong danh mục.", "The residence must be a known commune, ward or township.");
        RuleFor(r => r.WorkplaceUnitCode).Must(code => seeds.Units.Find(code) is not null).When(r => r.WorkplaceUnitCode is not null)
            .WithMessage("Không có đơn vị hành chính nơi công tác này.", "No administrative unit has this workplace code.");
        RuleFor(r => r.Documents).Must(documents => documents is null || documents.Select(d => d.Kind).Distinct().Count() == documents.Count)
            .WithMessage("Mỗi loại giấy tờ chỉ một lần.", "Each kind of document once.");
        RuleForEach(r => r.Documents).ChildRules(document =>
        {
            document.RuleFor(d => d.Kind).IsInEnum().WithMessage("Loại giấy tờ không hợp lệ.", "Unknown document kind.");
            document.RuleFor(d => d.FileName).NotEmpty().WithMessage("Cần tên tệp.", "The file name is required.");
            document.RuleFor(d => d.Sha256).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("SHA-256 gồm 64 chữ số hệ 16 (chữ thường).", "SHA-256 is 64 lowercase hex digits.")
                .Matches("^[0-9a-f]{64}$").WithMessage("SHA-256 gồm 64 chữ số hệ 16 (chữ thường).", "SHA-256 is 64 lowercase hex digits.");
        });
        RuleFor(r => r.CitizenId).IsCitizenId();
        RuleFor(r => r.ResidenceAddress).NotEmpty().WithMessage("Cần địa chỉ nơi cư trú.", "The residence address is required.");
        RuleFor(r => r.Email).EmailAddress().When(r => !string.IsNullOrEmpty(r.Email)).WithMessage("Thư điện tử không hợp lệ.", "The email address is not valid.");
        RuleFor(r => r.Phone).Matches("^[0-9+ ]{8,15}$").When(r => !string.IsNullOrEmpty(r.Phone)).WithMessage("Số điện thoại không hợp lệ.", "The phone number is not valid.");
        RuleFor(r => r.Nomination!).ChildRules(nomination =>
        {
            nomination.RuleFor(n => n.NominatingBody).NotEmpty().WithMessage("Cần cơ quan, tổ chức, đơn vị giới thiệu.", "The nominating body is required.");
            // Each meeting is required; its parts are checked only once it is there, so a half-filled form is a 400, not a 500.
            nomination.RuleFor(n => n.LeadershipProposal).NotNull().WithMessage("Cần ngày và biên bản họp lãnh đạo.", "The leadership meeting's date and minutes are required.");
            nomination.RuleFor(n => n.WorkplaceConference).NotNull().WithMessage("Cần kết quả hội nghị cử tri nơi công tác.", "The workplace voter conference's result is required.");
            nomination.RuleFor(n => n.LeadershipDecision).NotNull().WithMessage("Cần ngày và số quyết định giới thiệu.", "The nominating decision's date and reference are required.");
            nomination.RuleFor(n => n.LeadershipProposal.Reference).NotEmpty().When(n => n.LeadershipProposal is not null)
                .WithMessage("Cần biên bản họp lãnh đạo.", "The leadership meeting's minutes are required.");
            nomination.RuleFor(n => n.LeadershipDecision.Reference).NotEmpty().When(n => n.LeadershipDecision is not null)
                .WithMessage("Cần quyết định giới thiệu.", "The nominating decision is required.");
            nomination.RuleFor(n => n.WorkplaceConference.Present).IsCount().When(n => n.WorkplaceConference is not null);
            nomination.RuleFor(n => n.WorkplaceConference.Trust).IsCount().When(n => n.WorkplaceConference is not null);
            nomination.RuleFor(n => n.WorkplaceConference.Present).LessThanOrEqualTo(n => n.WorkplaceConference.Invited).When(n => n.WorkplaceConference is not null)
                .WithMessage("Số có mặt vượt số được mời.", "More present than invited.");
            nomination.RuleFor(n => n.WorkplaceConference.Trust).LessThanOrEqualTo(n => n.WorkplaceConference.Present).When(n => n.WorkplaceConference is not null)
                .WithMessage("Số tín nhiệm vượt số có mặt.", "More trust votes than voters present.");
            nomination.RuleFor(n => n.LeadershipDecision.HeldOn).GreaterThanOrEqualTo(n => n.WorkplaceConference.HeldOn)
                .When(n => n.LeadershipDecision is not null && n.WorkplaceConference is not null)
                .WithMessage("Quyết định giới thiệu sau hội nghị cử tri nơi công tác.", "The nominating decision follows the workplace voter conference.");
        }).When(r => r.Nomination is not null);
    }
}

public static class CitizenIdRule
{
    /// <summary>Số định danh cá nhân: present and 12 digits (a missing one is not let through as Matches alone would).</summary>
    public static IRuleBuilderOptions<T, string> IsCitizenId<T>(this IRuleBuilderInitial<T, string> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Số định danh cá nhân gồm 12 chữ số.", "The citizen ID number has 12 digits.")
            .Matches("^[0-9]{12}$").WithMessage("Số định danh cá nhân gồm 12 chữ số.", "The citizen ID number has 12 digits.");
}

/// <summary>
/// What filings are decided on, loaded before their endpoint runs: the process with its pinned definition, the list's
/// and each person's streams (to append to; persons by the key of their citizen ID), the term's facts and place tests,
/// and the moment of the request.
/// </summary>
public sealed record FilingForWriting(
    ConsultationProcess Process, WorkflowDefinition Definition, IEventStream<CandidateList> List, IReadOnlyDictionary<string, string> PersonIds,
    IReadOnlyDictionary<string, IEventStream<Person>> People, FileCandidacy.Context Context, DateTimeOffset Now)
{
    public WorkflowStep? Step => Definition.StepOfKind(StepKind.DossierWindow);

    /// <summary>The filing of one dossier, as <paramref name="user"/> files it, under a new candidacy id.</summary>
    public FileCandidacy Filing(FileCandidacyRequest request, ClaimsPrincipal user) =>
        new($"{Candidacy.IdPrefix}{Guid.NewGuid():N}", Process.Id, PersonIds[request.CitizenId], request.Dossier, request.Protected, Actors.Of(user),
            Actors.RoleFor(user, Step?.Roles ?? []));

    /// <summary>Appends the accepted events: the list and the people through the streams fetched for writing, the new candidacies started.</summary>
    public void Append(IDocumentSession session, Decision decision)
    {
        ActorHeaders.ForStep(session, Step);
        var writers = People.ToDictionary(pair => pair.Key, pair => (Action<object[]>)pair.Value.AppendMany);
        writers[CandidateList.IdFor(Process.Id)] = List.AppendMany;
        // A new candidacy's id is new: started without asking whether it exists, a collision fails the whole transaction.
        foreach (var filed in decision.Events.OfType<CandidacyFiled>()) writers[filed.CandidacyId] = events => session.Events.StartStream<Candidacy>(filed.CandidacyId, events);
        EventStreams.Append(session, decision.Events, writers);
    }

    /// <summary>
    /// Loads the process of the route, then in one batch the streams its dossiers touch and what the allocation is read from. A missing process answers the
    /// process's not-found problem.
    /// </summary>
    public static async Task<(IResult, FilingForWriting?)> LoadAsync(
        IDocumentSession session, DecisionSources sources, PersonKeys keys, string processId, IEnumerable<string> citizenIds, CancellationToken cancellation)
    {
        if (await sources.ProcessAsync(session, processId, cancellation) is not { } process) return (ProcessStreams.NotFound(processId), null);

        var definition = sources.Workflows.DefinitionOf(process);
        var personIds = new Dictionary<string, string>();
        foreach (var citizenId in citizenIds.Distinct()) personIds[citizenId] = await keys.PersonIdAsync(citizenId, cancellation);

        var batch = session.CreateBatchQuery();
        var list = batch.Events.FetchForWriting<CandidateList>(CandidateList.IdFor(processId));
        var people = personIds.Values.Distinct().Select(personId => (personId, Stream: batch.Events.FetchForWriting<Person>(personId))).ToList();
        var allocations = AllocationsIn(batch, processId, definition);
        await batch.Execute(cancellation);

        var context = ContextOf(process, sources, await allocations);
        var streams = new Dictionary<string, IEventStream<Person>>();
        foreach (var (personId, stream) in people) streams[personId] = await stream;
        return (WolverineContinue.Result(), new FilingForWriting(process, definition, await list, personIds, streams, context, sources.Clock.GetUtcNow()));
    }

    /// <summary>The term's facts and the place tests a filing in <paramref name="process"/> is decided on.</summary>
    public static FileCandidacy.Context ContextOf(ConsultationProcess process, DecisionSources sources, IReadOnlyList<NominationAllocation> allocations)
    {
        var term = sources.TermOf(process.TermId);
        var seeds = sources.Seeds;
        var province = process.JurisdictionPath.Skip(1).FirstOrDefault();
        return new FileCandidacy.Context(term.ElectionDay, term.Rules, allocations,
            code => seeds.PathOf(code, term.ElectionDay).Contains(process.JurisdictionCode), code => province is not null && seeds.PathOf(code, term.ElectionDay).Contains(province));
    }

    /// <summary>The structure round's signed allocation, as the standing body above last adjusted it.</summary>
    public static async Task<IReadOnlyList<NominationAllocation>> AllocationsAsync(IQuerySession session, string processId, WorkflowDefinition definition,
        CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var allocations = AllocationsIn(batch, processId, definition);
        await batch.Execute(cancellation);
        return await allocations;
    }

    /// <summary>Queues what the allocation is read from in <paramref name="batch"/>; the allocation once the batch has run.</summary>
    private static async Task<IReadOnlyList<NominationAllocation>> AllocationsIn(IBatchedQuery batch, string processId, WorkflowDefinition definition)
    {
        var structureRound = batch.Load<ConsultationConference>(ConsultationConference.IdFor(processId, definition.RoundFor(RoundPurpose.Structure)));
        var processEvents = batch.Events.FetchStream(processId);
        var roundOne = await structureRound;
        var allocations = (roundOne is { Stage: ConferenceStage.MinutesSigned } ? roundOne.Decisions?.Allocations ?? [] : [])
            .ToDictionary(allocation => allocation.NominatingBody);
        var adjustments = (await processEvents).Select(e => e.Data).OfType<StructureAdjusted>();
        foreach (var allocation in adjustments.SelectMany(adjusted => adjusted.Allocations)) allocations[allocation.NominatingBody] = allocation;
        return [.. allocations.Values];
    }
}

/// <summary>
/// The eligibility rules a dossier that validation refused also fails, on the term of the route's process, so that the
/// page shows them with the field errors; the person's other candidacies are the decision's to weigh.
/// </summary>
public sealed class FileCandidacyPreview(IQuerySession session, DecisionSources sources) : IRefusalPreview<FileCandidacyRequest>
{
    public async Task<IReadOnlyList<FieldFlaw>> FlawsAsync(FileCandidacyRequest request, HttpContext context, CancellationToken cancellation)
    {
        if (context.GetRouteValue("id") is not string processId || await sources.ProcessAsync(session, processId, cancellation) is not { } process) return [];

        var filing = FilingForWriting.ContextOf(process, sources, []);
        var findings = Eligibility.Check(request.Dossier, process.Council, filing.ElectionDay, filing.Rules, new OtherCandidacies([]), filing.IsWithinJurisdiction);
        return [.. findings.Select(finding => new FieldFlaw(finding.Field, finding.Sentence))];
    }
}

public static class FileCandidacyEndpoint
{
    public static Task<(IResult, FilingForWriting?)> LoadAsync(
        string id, FileCandidacyRequest request, IDocumentSession session, DecisionSources sources, PersonKeys keys, CancellationToken cancellation) =>
        FilingForWriting.LoadAsync(session, sources, keys, id, [request.CitizenId], cancellation);

    [WolverinePost(Routes.Candidacies)]
    [ActsOn(StepKind.DossierWindow)]
    public static async Task<IResult> Post(
        FileCandidacyRequest request, FilingForWriting loaded, IDocumentSession session, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var command = loaded.Filing(request, user);
        var decision = FileCandidacy.Decide(command, loaded.Process, loaded.Definition, loaded.List.Aggregate, loaded.People[command.PersonId].Aggregate,
            loaded.Context, loaded.Now);
        if (decision.Refusal is { } refusal) return Problems.Refused(refusal);

        loaded.Append(session, decision);
        return Results.Created(Routes.For(Routes.Candidacy, command.CandidacyId), CandidacyView.Of(Candidacy.Evolve(null, decision.Events[0])!));
    }
}
