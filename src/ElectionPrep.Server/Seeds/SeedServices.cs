using ElectionPrep.Workflows;

namespace ElectionPrep.Seeds;

/// <summary>The law as data: the seeds (terms, rule sets, units), the workflow definitions, and what decisions read from them.</summary>
public static class SeedServices
{
    public static IServiceCollection AddSeeds(this IServiceCollection services)
    {
        services.AddSingleton(provider => SeedCatalog.Load(provider.GetRequiredService<IConfiguration>()["Seeds:Path"] ?? SeedCatalog.DefaultPath));
        services.AddSingleton(provider => WorkflowCatalog.Load(
            provider.GetRequiredService<IConfiguration>()["Workflows:Path"] ?? WorkflowCatalog.DefaultPath, provider.GetRequiredService<SeedCatalog>()));
        services.AddSingleton(provider => Forms.FormCatalog.Load(
            provider.GetRequiredService<IConfiguration>()["Seeds:Path"] ?? SeedCatalog.DefaultPath, provider.GetRequiredService<SeedCatalog>()));
        services.AddSingleton<Forms.FormComposer>();
        services.AddHttpContextAccessor();
        services.AddSingleton<DecisionSources>();
        // Resolve the seeds at start-up, before anything else starts: a broken seed stops the server at once.
        return services.AddHostedService<SeedCheck>();
    }
}

/// <summary>Loads the seeds when the host starts, so a broken one refuses start-up instead of failing a request later.</summary>
internal sealed class SeedCheck(SeedCatalog seeds, WorkflowCatalog workflows, Forms.FormCatalog forms, ILogger<SeedCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Seeds loaded: terms {Terms}; {Units} administrative units; workflows {Workflows}; form sets {Forms}",
            string.Join(", ", seeds.Terms.Select(term => term.Id)), seeds.Units.All.Count,
            string.Join(", ", workflows.All.Select(definition => $"{definition.Id} v{definition.Version}")), string.Join(", ", forms.Sets.Select(set => set.Id)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
