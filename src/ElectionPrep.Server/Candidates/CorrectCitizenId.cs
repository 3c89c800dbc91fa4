using System.Security.Claims;
using ElectionPrep.Http;
using ElectionPrep.Workflows;
using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.Candidates;

/// <summary>The body of POST …/citizen-id: the corrected citizen ID (and the rest of the protected data).</summary>
public sealed record CorrectCitizenIdRequest(string CitizenId, string ResidenceAddress, string? Phone, string? Email);

public sealed class CorrectCitizenIdRequestValidator : AbstractValidator<CorrectCitizenIdRequest>
{
    public CorrectCitizenIdRequestValidator()
    {
        RuleFor(r => r.CitizenId).IsCitizenId();
        RuleFor(r => r.ResidenceAddress).NotEmpty().WithMessage("Cần địa chỉ nơi cư trú.", "The residence address is required.");
    }
}

/// <summary>The person the corrected citizen ID names: their stream, to append to, and their candidacies by id.</summary>
public sealed record CorrectedPerson(string Id, IEventStream<Person> Stream, IReadOnlyDictionary<string, Candidacy> Candidacies);

/// <summary>
/// Corrects the citizen ID; if the person then stands at too many levels, every one of their candidacies is
/// struck from its list. Only the Election Committee's clerks and the Front's standing board correct identities.
/// </summary>
public static class CorrectCitizenIdEndpoint
{
    public static async Task<(IResult, CandidacyForWriting?, CorrectedPerson?)> LoadAsync(
        string id, CorrectCitizenIdRequest request, IDocumentSession session, DecisionSources sources, PersonKeys keys, CancellationToken cancellation)
    {
        var (result, loaded) = await CandidacyStreams.LoadAsync(id, session, sources, cancellation);
        if (loaded is null) return (result, null, null);

        var personId = await keys.PersonIdAsync(request.CitizenId, cancellation);
        var person = await session.Events.FetchForWriting<Person>(personId, cancellation);
        var candidacies = (await session.LoadManyAsync<Candidacy>(cancellation, (person.Aggregate?.Candidacies.Keys ?? []).ToArray())).ToDictionary(other => other.Id);
        return (result, loaded, new CorrectedPerson(personId, person, candidacies));
    }

    [WolverinePost(Routes.CandidacyCitizenId)]
    [ActsOn(StepKind.DossierWindow)]
    public static async Task<IResult> Post(
        CorrectCitizenIdRequest request, CandidacyForWriting loaded, CorrectedPerson person, IDocumentSession session, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var command = new CorrectCitizenId(loaded.Candidacy.Id, person.Id, new ProtectedPersonalData(request.CitizenId, request.ResidenceAddress, request.Phone, request.Email),
            Actors.Of(user));
        var decision = CorrectCitizenId.Decide(command, loaded.Candidacy, person.Candidacies, loaded.Term.Rules, loaded.Now);
        if (decision.Refusal is { } refusal) return Problems.Refused(refusal);

        // The candidacy and the person were fetched for writing; the other candidacies struck and their lists are appended as they stand.
        EventStreams.Append(session, decision.Events,
            new Dictionary<string, Action<object[]>> { [loaded.Candidacy.Id] = loaded.Stream.AppendMany, [person.Id] = person.Stream.AppendMany });
        var after = decision.Events.Where(e => EventStreams.Of(e).StreamId == loaded.Candidacy.Id).Aggregate(loaded.Candidacy, (state, e) => Candidacy.Evolve(state, e)!);
        return Results.Ok(CandidacyView.Of(after));
    }
}
