using ElectionPrep.AdministrativeUnits;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using System.Security.Claims;
using ElectionPrep.Workflows;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>The body of POST /api/consultation-processes.</summary>
/// <param name="Council">A council kind by name or slug, e.g. "CommuneCouncil" or "commune-council".</param>
/// <param name="JurisdictionCode">The administrative unit's statistics code; "VN" for the central NA process.</param>
public sealed record OpenConsultationProcessRequest(string TermId, string Council, string JurisdictionCode);

public sealed class OpenConsultationProcessRequestValidator : AbstractValidator<OpenConsultationProcessRequest>
{
    public OpenConsultationProcessRequestValidator(SeedCatalog seeds)
    {
        RuleFor(request => request.TermId)
            .Must(id => seeds.FindTerm(id) is not null)
            .WithMessage(
                $"Không có nhiệm kỳ '{{PropertyValue}}'; các nhiệm kỳ hiện có: {string.Join(", ", seeds.Terms.Select(t => t.Id))}.",
                $"There is no term '{{PropertyValue}}'; known terms: {string.Join(", ", seeds.Terms.Select(t => t.Id))}.");
        RuleFor(request => request.Council)
            .Must(council => CouncilKinds.TryParse(council, out _))
            .WithMessage(
                $"'{{PropertyValue}}' không phải loại hội đồng; dùng một trong: {KnownCouncils}.",
                $"'{{PropertyValue}}' is not a council kind; use one of: {KnownCouncils}.");
        RuleFor(request => request.JurisdictionCode)
            .Must(code => seeds.Units.Find(code) is not null)
            .WithMessage("Không có đơn vị hành chính mã '{PropertyValue}'.", "No administrative unit has code '{PropertyValue}'.");
        RuleFor(request => request.JurisdictionCode)
            .Must((request, code) => seeds.UnitOf(code, request.TermId)!.Elects(ParseCouncil(request.Council)))
            .When(request => CouncilKinds.TryParse(request.Council, out _) && seeds.Units.Find(request.JurisdictionCode) is not null)
            .WithMessage(
                request => $"{seeds.UnitOf(request.JurisdictionCode, request.TermId)!.Name} không bầu hội đồng loại {request.Council}.",
                request => $"{seeds.UnitOf(request.JurisdictionCode, request.TermId)!.NameEn} does not elect a {request.Council}.");
    }

    private static string KnownCouncils => string.Join(", ", Enum.GetValues<CouncilKind>().Select(kind => kind.Slug()));

    private static CouncilKind ParseCouncil(string council) => CouncilKinds.TryParse(council, out var kind) ? kind : default;
}

public static class OpenConsultationProcessEndpoint
{
    /// <summary>
    /// Reads the process this request would create, if it already exists. Its stream does not exist yet, so nothing is
    /// fetched for writing: two racing requests both start it and the second fails at the commit.
    /// </summary>
    public static Task<ConsultationProcess?> LoadAsync(OpenConsultationProcessRequest request, IQuerySession session, CancellationToken cancellation) =>
        session.LoadAsync<ConsultationProcess>(IdOf(request), cancellation);

    /// <summary>
    /// Opens the process on the definition its term binds to its council kind; its first steps open right after. A term
    /// that elects no such council, or a unit that does not exist on the term's election day, is refused with the reason.
    /// </summary>
    [WolverinePost(Routes.ConsultationProcesses)]
    [OpensProcesses]
    public static (IResult, OutgoingMessages) Post(
        OpenConsultationProcessRequest request, ConsultationProcess? existing, IDocumentSession session, DecisionSources sources, ClaimsPrincipal user)
    {
        var council = CouncilOf(request);
        var term = sources.Seeds.TermOf(request.TermId);
        var definition = sources.Workflows.For(term, council);
        var path = sources.Seeds.PathOf(request.JurisdictionCode, term.ElectionDay);
        // Without a workflow or a unit on election day there is no mandate to check: the decision refuses with the reason.
        if (definition is not null && path.Count > 0 && Mandate.WhyNotOpen(Actors.ActorOf(user), definition, path) is { } forbidden)
        {
            return (Problems.Forbidden(forbidden.Code, forbidden.Detail), []);
        }

        var command = new OpenConsultationProcess(request.TermId, council, request.JurisdictionCode, Actors.Of(user));
        var decision = OpenConsultationProcess.Decide(command, existing, term, sources.Seeds.UnitOf(request.JurisdictionCode, term.Id)!,
            path, definition, sources.Clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return (Problems.Refused(refusal), []);

        var id = IdOf(request);
        session.Events.StartStream<ConsultationProcess>(id, decision.Events);
        return (Results.Created(Routes.ConsultationProcessFor(id), new ConsultationProcessCreated(id)), [new ActivateReadySteps(id)]);
    }

    // The validator has already accepted the council name.
    private static CouncilKind CouncilOf(OpenConsultationProcessRequest request) =>
        CouncilKinds.TryParse(request.Council, out var council) ? council : throw new ArgumentException("unvalidated council", nameof(request));

    private static string IdOf(OpenConsultationProcessRequest request) =>
        ConsultationProcessId.For(request.TermId, CouncilOf(request), request.JurisdictionCode);
}

public sealed record ConsultationProcessCreated(string Id);
