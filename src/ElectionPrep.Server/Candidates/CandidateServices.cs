namespace ElectionPrep.Candidates;

/// <summary>
/// What candidacies need beside their streams: the installation's key that joins one person's candidacies, and the
/// eligibility preview of a dossier that validation refused.
/// </summary>
public static class CandidateServices
{
    public static IServiceCollection AddCandidates(this IServiceCollection services) =>
        services.AddSingleton<PersonKeys>().AddScoped<Http.IRefusalPreview<FileCandidacyRequest>, FileCandidacyPreview>();
}
