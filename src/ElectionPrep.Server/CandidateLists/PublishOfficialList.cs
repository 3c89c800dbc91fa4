using System.Security.Claims;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Quotas;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace ElectionPrep.CandidateLists;

/// <summary>The body of POST …/candidate-list/official.</summary>
public sealed record PublishOfficialListRequest(string DecisionReference, long? ExpectedVersion) : IExpectsVersion;

public sealed class PublishOfficialListRequestValidator : AbstractValidator<PublishOfficialListRequest>
{
    public PublishOfficialListRequestValidator()
    {
        RuleFor(r => r.DecisionReference).NotEmpty().WithMessage("Cần số quyết định công bố.", "The publishing decision's reference is required.");
        RuleFor(r => r.ExpectedVersion).IsExpectedVersion();
    }
}

/// <summary>Publishes the official list after checking it; publication completes the workflow step.</summary>
public static class PublishOfficialListEndpoint
{
    /// <summary>The list, and what it is checked against: round 3's decisions, the voters' verdicts and the quotas on the list as it would be published.</summary>
    public static async Task<PublishOfficialListInputs> LoadAsync(
        string id, ListForWriting loaded, IDocumentSession session, DecisionSources sources, CancellationToken cancellation)
    {
        var (list, process, definition) = (loaded.List, loaded.Process, loaded.Definition);

        var roundThree = await session.LoadAsync<ConsultationConference>(ConsultationConference.IdFor(id, definition.RoundFor(RoundPurpose.QualifiedList)), cancellation);
        var candidacies = (await session.LoadManyAsync<Candidacy>(cancellation, list.Entries.Select(entry => entry.CandidacyId).ToArray())).ToDictionary(c => c.Id);
        var wouldPublish = await QuotaSubjects.ForAsync(session, process, definition, list, ListScope.Qualified, sources.Seeds, cancellation);
        var quota = QuotaEvaluation.Evaluate(sources.Seeds.RuleSetFor(process), wouldPublish,
            QuotaSubjects.ContextFor(process, list, ListScope.Qualified, sources.Seeds) with { Evaluated = Population.OfficialList });
        return new PublishOfficialListInputs(process, definition, roundThree, candidacies, loaded.Term.Rules, quota);
    }

    [WolverinePost(Routes.OfficialList)]
    [WritesList<PublishOfficialListRequest>]
    [ActsOn(StepKind.ListPublication)]
    public static (IResult, OutgoingMessages) Post(PublishOfficialListRequest request, ListForWriting loaded, PublishOfficialListInputs inputs, ClaimsPrincipal user)
    {
        var step = loaded.Definition.StepOfKind(StepKind.ListPublication);
        var role = Actors.RoleFor(user, step?.Roles ?? []);
        var decision = PublishOfficialList.Decide(new PublishOfficialList(loaded.Process.Id, request.DecisionReference, Actors.Of(user), role), loaded.List, inputs, loaded.Now);
        var result = loaded.Apply(decision);
        return decision.IsRefused || step is null
            ? (result, [])
            : (result, [new CompleteStep(loaded.Process.Id, step.Id, Actors.Of(user), role, request.DecisionReference, null)]);
    }
}
