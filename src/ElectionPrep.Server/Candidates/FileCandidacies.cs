using System.Security.Claims;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.Candidates;

/// <summary>
/// The body of POST …/candidacies/batches: a commune's spreadsheet of dossiers, each as the one-dossier form sends it.
/// With <paramref name="DryRun"/> the batch is decided and previewed, and nothing is recorded.
/// </summary>
public sealed record FileCandidaciesRequest(IReadOnlyList<FileCandidacyRequest> Dossiers, bool DryRun);

public sealed class FileCandidaciesRequestValidator : AbstractValidator<FileCandidaciesRequest>
{
    public FileCandidaciesRequestValidator(SeedCatalog seeds)
    {
        RuleFor(r => r.Dossiers).IsBatch("hồ sơ", ("dossier", "dossiers"));
        RuleForEach(r => r.Dossiers).SetValidator(new FileCandidacyRequestValidator(seeds));
    }
}

/// <summary>What a batch would file, or filed: each row's candidacy as it stands after filing.</summary>
public sealed record FiledBatch(bool DryRun, IReadOnlyList<CandidacyView> Candidacies);

/// <summary>Files a batch of dossiers as one decision: every row is filed, or none is and every refused row is named.</summary>
public static class FileCandidaciesEndpoint
{
    public static Task<(IResult, FilingForWriting?)> LoadAsync(
        string id, FileCandidaciesRequest request, IDocumentSession session, DecisionSources sources, PersonKeys keys, CancellationToken cancellation) =>
        FilingForWriting.LoadAsync(session, sources, keys, id, request.Dossiers.Select(dossier => dossier.CitizenId), cancellation);

    [WolverinePost(Routes.CandidacyBatches)]
    [ActsOn(StepKind.DossierWindow)]
    public static async Task<IResult> Post(
        FileCandidaciesRequest request, FilingForWriting loaded, IDocumentSession session, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var command = new FileCandidacies(loaded.Process.Id, [.. request.Dossiers.Select(dossier => loaded.Filing(dossier, user))]);
        var decision = FileCandidacies.Decide(command, loaded.Process, loaded.Definition, loaded.List.Aggregate,
            loaded.People.Where(pair => pair.Value.Aggregate is not null).ToDictionary(pair => pair.Key, pair => pair.Value.Aggregate!), loaded.Context, loaded.Now);
        if (decision.Refusal is { } refusal) return Problems.Refused(refusal);

        if (!request.DryRun) loaded.Append(session, decision);
        var filed = decision.Events.OfType<CandidacyFiled>().Select(e => CandidacyView.Of(Candidacy.Evolve(null, e)!)).ToList();
        return Results.Ok(new FiledBatch(request.DryRun, filed));
    }
}
