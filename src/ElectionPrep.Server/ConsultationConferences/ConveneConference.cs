using System.Security.Claims;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.ConsultationConferences;

/// <summary>The body of POST /api/consultation-processes/{id}/conferences.</summary>
public sealed record ConveneConferenceRequest(int Round, DateTimeOffset ScheduledAt, string Place, string Chair, IReadOnlyList<Invitee> Invitees);

public sealed class ConveneConferenceRequestValidator : AbstractValidator<ConveneConferenceRequest>
{
    public ConveneConferenceRequestValidator(WorkflowCatalog workflows)
    {
        // The rounds are the workflows' (each definition numbers its consultation conferences).
        var rounds = workflows.All.SelectMany(definition => definition.Steps).Select(step => step.Round).OfType<int>().Distinct().Order().ToList();
        RuleFor(request => request.Round).Must(rounds.Contains)
            .WithMessage($"Lần hiệp thương là một trong {string.Join(", ", rounds)}.", $"The round is one of {string.Join(", ", rounds)}.");
        RuleFor(request => request.Place).NotEmpty().WithMessage("Cần địa điểm tổ chức.", "The place is required.");
        RuleFor(request => request.Chair).NotEmpty().WithMessage("Cần người chủ trì.", "The chair is required.");
        RuleFor(request => request.Invitees)
            .Must(invitees => invitees is not null && invitees.Any(invitee => invitee.Participation == Participation.Participant))
            .WithMessage("Cần danh sách thành phần được triệu tập.", "The participants convened are required.");
        RuleFor(request => request.Invitees)
            .Must(invitees => invitees is null || invitees.Select(invitee => invitee.Id).Distinct().Count() == invitees.Count)
            .WithMessage("Mã người được mời không được trùng.", "Invitee ids must be unique.");
        RuleForEach(request => request.Invitees).ChildRules(invitee =>
        {
            invitee.RuleFor(i => i.Id).NotEmpty().WithMessage("Cần mã người được mời.", "The invitee id is required.");
            invitee.RuleFor(i => i.Name).NotEmpty().WithMessage("Cần họ tên người được mời.", "The invitee's name is required.");
            invitee.RuleFor(i => i.Body).NotEmpty().WithMessage("Cần cơ quan, tổ chức của người được mời.", "The invitee's body is required.");
        });
    }
}

public static class ConveneConferenceEndpoint
{
    [WolverinePost(Routes.Conferences)]
    [ActsOn(StepKind.ConferenceRound)]
    public static async Task<IResult> Post(
        string id, ConveneConferenceRequest request, IDocumentSession session, WorkflowCatalog workflows, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken cancellation)
    {
        var process = await session.LoadAsync<ConsultationProcess>(id, cancellation);
        if (process is null) return ProcessStreams.NotFound(id);

        var definition = workflows.DefinitionOf(process);
        // The access rule saw a conference step; the round named in the body is the one that must be this actor's.
        if (definition.ConferenceStep(request.Round) is { } step && Mandate.WhyNotActOn(Actors.ActorOf(user), step, process.JurisdictionCode) is { } forbidden)
        {
            return Problems.Forbidden(forbidden.Code, forbidden.Detail);
        }

        var conferenceId = ConsultationConference.IdFor(id, request.Round);
        var existing = await session.LoadAsync<ConsultationConference>(conferenceId, cancellation);
        var command = new ConveneConference(id, request.Round, request.ScheduledAt, request.Place, request.Chair, request.Invitees,
            Actors.Of(user), Actors.RoleFor(user, definition.ConferenceStep(request.Round)?.Roles ?? []));
        var decision = ConveneConference.Decide(command, existing, process, definition, clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return Problems.Refused(refusal);

        session.Events.StartStream<ConsultationConference>(conferenceId, decision.Events);
        return Results.Created(Routes.For(Routes.Conference, conferenceId), ConsultationConference.Evolve(null, decision.Events[0]));
    }
}
