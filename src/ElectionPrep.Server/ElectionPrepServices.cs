using ElectionPrep.Accounts;
using ElectionPrep.Audit;
using ElectionPrep.Candidates;
using ElectionPrep.Database;
using ElectionPrep.Health;
using ElectionPrep.Http;
using ElectionPrep.Messaging;
using ElectionPrep.Pages;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Scalar.AspNetCore;

namespace ElectionPrep;

/// <summary>The host's wiring: one call per concern, each written in its area's folder.</summary>
public static class ElectionPrepServices
{
    public static WebApplicationBuilder AddElectionPrep(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Unless the host brings its own clock (the demo's).
        services.TryAddSingleton(TimeProvider.System);
        services.AddSeeds();
        services.AddCandidates();
        services.AddDatabase().AddAuditLog();
        builder.AddMessaging();
        services.AddAccounts();
        services.AddPages();
        builder.AddHttp();
        return builder;
    }

    public static WebApplication UseElectionPrep(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestSizeLimit();
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot")) });
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        // After authorisation, so a caller without access learns nothing from how a value is refused.
        app.UseQueryValueChecks();
        app.UseApiAntiforgery();
        // A refused caller never waits for a turn; an admitted command waits before its key is claimed.
        app.UseRateLimiter();
        // After authentication (keys are the caller's own) and authorisation (a refused caller stores nothing).
        app.UseMiddleware<IdempotencyKeys>();
        app.MapRazorPages();
        app.MapLanguageSwitch();
        app.MapOpenApi(Routes.OpenApiDocument).AllowAnonymous();
        app.MapGet(Routes.ApiReference, () => Results.Redirect(Routes.ScalarReference)).ExcludeFromDescription().AllowAnonymous();
        app.MapScalarApiReference(Routes.ScalarPrefix, _ => { }).AllowAnonymous();
        app.MapHealthChecks(Routes.Health, new HealthCheckOptions
        {
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        app.MapApiEndpoints();
        AccessDeclarations.Verify(app);
        return app;
    }
}

public static class ElectionPrepCommandLine
{
    /// <summary>
    /// Runs the JasperFx command line (run by default). Before serving, the seeds and the database are opened
    /// here, so that a problem a person can fix is printed alone, without a stack trace, and the exit code is 1.
    /// </summary>
    public static async Task<int> RunElectionPrepAsync(this WebApplication app, string[] args)
    {
        var serving = args.Length == 0 || args[0] == "run" || args[0].StartsWith('-');
        if (serving)
        {
            try
            {
                app.Services.GetRequiredService<SeedCatalog>();
                app.Services.GetRequiredService<WorkflowCatalog>();
                app.Services.GetRequiredService<DatabaseConnection>();
                // The demo's clock reads its data file: a broken one is refused here too.
                app.Services.GetRequiredService<TimeProvider>();
            }
            catch (Exception problem) when (StartupRefusedException.FindIn(problem) is { } refused)
            {
                await Console.Error.WriteLineAsync(refused.Message);
                return 1;
            }
        }

        return await app.RunJasperFxCommands(args);
    }
}
