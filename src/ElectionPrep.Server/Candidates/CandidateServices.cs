namespace ElectionPrep.Candidates;

/// <summary>What candidacies need beside their streams: the installation's key that joins one person's candidacies.</summary>
public static class CandidateServices
{
    public static IServiceCollection AddCandidates(this IServiceCollection services) => services.AddSingleton<PersonKeys>();
}
