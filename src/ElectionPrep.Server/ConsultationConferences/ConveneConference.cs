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
        RuleFor(request => request.ScheduledAt).NotEqual(default(DateTimeOffset))
            .WithMessage("Cần ngày và giờ họp.", "The date and time of the meeting are required.");
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
            invitee.RuleFor(i => i.Role).NotEmpty().WithMessage("Cần chức vụ của người được mời.", "The invitee's post is required.");
        });
    }
}

public static class ConveneConferenceEndpoint
{
    /// <summary>
    /// The process, held until the commit so its round's step cannot close while the conference is convened, and the
    /// conference of the round named, if it is already convened.
    /// </summary>
    public static async Task<(IResult, ProcessForWriting?, ConsultationConference?)> LoadAsync(
        string id, ConveneConferenceRequest request, IDocumentSession session, DecisionSources sources, CancellationToken cancellation)
    {
        var (result, loaded) = await ProcessStreams.ForWritingAsync(session, sources, id, null, cancellation);
        return loaded is null
            ? (result, null, null)
            : (result, loaded, await session.LoadAsync<ConsultationConference>(ConsultationConference.IdFor(id, request.Round), cancellation));
    }

    [WolverinePost(Routes.Conferences)]
    [ActsOn(StepKind.ConferenceRound)]
    public static IResult Post(
        ConveneConferenceRequest request, ProcessForWriting loaded, ConsultationConference? existing, IDocumentSession session, ClaimsPrincipal user)
    {
        var step = loaded.Definition.ConferenceStep(request.Round);
        // The access rule saw a conference step; the round named in the body is the one that must be this actor's.
        if (step is not null && Mandate.WhyNotActOn(Actors.ActorOf(user), step, loaded.Process.JurisdictionCode) is { } forbidden)
        {
            return Problems.Forbidden(forbidden.Code, forbidden.Detail);
        }

        var command = new ConveneConference(loaded.Process.Id, request.Round, request.ScheduledAt, request.Place, request.Chair, request.Invitees,
            Actors.Of(user), Actors.RoleFor(user, step?.Roles ?? []));
        var decision = ConveneConference.Decide(command, existing, loaded.Process, loaded.Definition, loaded.Now);
        if (decision.Refusal is { } refusal) return Problems.Refused(refusal);

        var conferenceId = ConsultationConference.IdFor(loaded.Process.Id, request.Round);
        session.Events.StartStream<ConsultationConference>(conferenceId, decision.Events);
        return Results.Created(Routes.For(Routes.Conference, conferenceId), ConsultationConference.Evolve(null, decision.Events[0]));
    }
}
