using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Database;
using ElectionPrep.Health;
using ElectionPrep.Http;
using ElectionPrep.Messaging;
using ElectionPrep.Pages;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using FluentValidation;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using Weasel.Core;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using JasperFx;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.WebEncoders;
using Wolverine.Marten;

namespace ElectionPrep;

/// <summary>The host's wiring in one place: database, event store, messaging, HTTP.</summary>
public static class ElectionPrepServices
{
    public const string SchemaName = "electionprep";

    private const string SessionOrToken = "session-or-token";

    private static readonly TimeSpan MaximumClockSkew = TimeSpan.FromSeconds(30);

    private static Task Challenge(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static WebApplicationBuilder AddElectionPrep(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Unless the host brings its own clock (the demo's).
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => SeedCatalog.Load(provider.GetRequiredService<IConfiguration>()["Seeds:Path"] ?? SeedCatalog.DefaultPath));
        services.AddSingleton(provider => WorkflowCatalog.Load(
            provider.GetRequiredService<IConfiguration>()["Workflows:Path"] ?? WorkflowCatalog.DefaultPath, provider.GetRequiredService<SeedCatalog>()));
        services.AddSingleton<DecisionSources>();
        // Resolve the seeds at start-up, before anything else starts: a broken seed stops the server at once.
        services.AddHostedService<SeedCheck>();

        services.AddSingleton<PersonKeys>();
        services.AddSingleton<ElectionPrep.Audit.AuditKeys>();
        services.AddHostedService<ElectionPrep.Audit.ProtectedCommitmentWatch>();
        services.AddDatabaseConnection();
        services.AddSingleton(provider => NpgsqlDataSource.Create(provider.GetRequiredService<DatabaseConnection>().ConnectionString));

        services.AddMarten(ConfigureMarten)
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .AddAsyncDaemon(DaemonMode.HotCold)
            .AddSubscriptionWithServices<ElectionPrep.Audit.AuditLogSubscription>(ServiceLifetime.Singleton, subscription => subscription.Name = "audit-log")
            .IntegrateWithWolverine()
            .ApplyAllDatabaseChangesOnStartup();

        builder.Host.UseWolverine(options =>
        {
            // The signed-in user flows into every Marten session Wolverine opens, and so into each event's user name.
            options.EnableRelayOfUserName = true;
            options.Policies.Add<MessageValidationPolicy>();
            options.OnException<ValidationException>().MoveToErrorQueue();
            // Activation and timers of one process can race on its stream; the loser reloads and decides again.
            options.OnException<JasperFx.ConcurrencyException>()
                .RetryWithCooldown(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));
            options.Policies.AutoApplyTransactions();
            options.Policies.UseDurableLocalQueues();
            options.Policies.UseDurableInboxOnAllListeners();
            options.Policies.UseDurableOutboxOnAllSendingEndpoints();
            // Several nodes share one database: one leads (node health, recovery of a dead node's messages), every one
            // serves requests and fires due timers, each timer once under the store's lock. See docs/scaling.md.
            options.Durability.Mode = DurabilityMode.Balanced;
            // Timings under Wolverine:Durability (how soon a due timer is picked up, a dead node declared stale);
            // Wolverine's defaults suit production.
            builder.Configuration.GetSection("Wolverine:Durability").Bind(options.Durability);
        });

        // Bearer tokens, configured under Authentication:Schemes:Bearer (issuer, audiences, signing keys or an
        // external authority); `dotnet user-jwts` writes that section for development.
        // People sign in to a cookie session; API clients send a bearer token. The policy scheme picks by the request.
        services.AddAuthentication(SessionOrToken)
            .AddPolicyScheme(SessionOrToken, SessionOrToken, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/sign-in";
                options.AccessDeniedPath = "/access-denied";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                // API calls get 401/403, not a redirect to the sign-in page.
                options.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = ElectionPrep.Accounts.SignInSessions.ValidatePrincipalAsync;
            })
            .AddJwtBearer();
        // The cookie names a session kept in the database: signing out, a reset or a password change ends it on every node.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IDocumentStore, TimeProvider>((options, store, clock) => options.SessionStore = new ElectionPrep.Accounts.SignInSessions(store, clock));
        // An expired token is refused within 30 s (the handler's default allows 5 minutes); after configuration, which cannot widen it.
        services.PostConfigureAll<JwtBearerOptions>(options =>
        {
            var parameters = options.TokenValidationParameters;
            if (parameters.ClockSkew > MaximumClockSkew) parameters.ClockSkew = MaximumClockSkew;
        });
        // Every endpoint and page needs a signed-in user unless it says otherwise: health, sign-in, the API description,
        // the published official list and the audit log's public proofs, which anyone may check.
        services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<IAuthorizationHandler, AccessHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AccessProblems>();
        // Enums by name only in every JSON the host writes or reads (the test host's formatter reads MVC's options): a
        // number would read as a value the enum does not define.
        services.AddRazorPages(options => options.Conventions.Add(new PageRoutes()))
            .AddJsonOptions(json => json.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        // Pages are Vietnamese: keep its letters readable in the HTML instead of &#x...; escapes. Markup characters are still encoded.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<ElectionPrep.Accounts.SignInThrottle>();
        services.AddSingleton<ElectionPrep.Accounts.Accounts>();
        ElectionPrep.Accounts.LocalTokens.AddLocalTokens(services);
        services.AddAntiforgery(options => options.HeaderName = ApiAntiforgery.HeaderName);
        services.AddLanguageSwitch();

        services.AddHostedService<ElectionPrep.Accounts.FirstAdministrator>();
        services.AddHostedService<ExpiredIdempotencyKeys>();
        services.AddValidatorsFromAssemblyContaining<SeedCatalog>(ServiceLifetime.Singleton, includeInternalTypes: false,
            filter: scan => scan.ValidatorType.Namespace != typeof(TermValidator).Namespace && scan.ValidatorType != typeof(WorkflowDefinitionValidator));
        services.AddWolverineHttp();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Problems.ExplainUnreadableBody);
        services.AddExceptionHandler<ConcurrencyProblemHandler>();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.LimitRequestBodies();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    private static StoreOptions ConfigureMarten(IServiceProvider provider)
    {
        var options = new StoreOptions { DatabaseSchemaName = SchemaName };
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        // Never the parameter values of a failed command in the log: they hold protected personal data. Under Marten's
        // category, so its configured level still applies.
        options.Logger(new CommandTextOnlyLogger(provider.GetRequiredService<ILoggerFactory>().CreateLogger("Marten")));
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.MetadataConfig.EnableAll();
        options.Events.MetadataConfig.UserNameEnabled = true;
        // Rich appends give inline projections each event's real version and sequence.
        options.Events.AppendMode = EventAppendMode.Rich;
        // The stand-in DistributedLock.Postgres cannot lock on Marten's data source; HotCold leadership needs this instead.
        options.Events.UseAdvisoryLockTransaction = true;
        options.Events.UseMandatoryStreamTypeDeclaration = true;
        // The audit log has one writer, its subscription, whose progress commits with its documents.
        options.Policies.ForAllDocuments(mapping => mapping.UseOptimisticConcurrency = mapping.DocumentType.Namespace != typeof(ElectionPrep.Audit.AuditLeaf).Namespace);
        // The subscription finds a stream's last leaf when the stream has no mark yet (every new stream).
        options.Schema.For<ElectionPrep.Audit.AuditLeaf>().Duplicate(leaf => leaf.Entry.StreamKey).Duplicate(leaf => leaf.Index);

        options.Projections.Add(new ConsultationProcessProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ConsultationConferenceProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new CandidacyProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new PersonProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new CandidateListProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<ElectionPrep.Accounts.SignInSession>().Index(session => session.Account);
        options.Schema.For<ConsultationProcess>().Index(process => process.JurisdictionCode);
        options.Schema.For<ConsultationProcessSummary>().Index(summary => summary.JurisdictionCode).GinIndexJsonData();
        options.Schema.For<IdempotentRequest>().Index(stored => stored.RecordedAt);
        options.Projections.Add(new ConsultationProcessSummaryProjection(), ProjectionLifecycle.Async);
        options.Projections.Add(new ElectionPrep.Quotas.ListQuotaCountsProjection(), ProjectionLifecycle.Async);
        options.Schema.For<ElectionPrep.Quotas.ListQuotaCounts>().Index(counts => counts.Council).GinIndexJsonData();
        return options;
    }

    public static WebApplication UseElectionPrep(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestSizeLimit();
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot")) });
        app.UseRequestLocalization();
        app.UseAuthentication();
        ElectionPrep.Accounts.PasswordChange.UsePasswordChangeGate(app);
        app.UseAuthorization();
        // After authorisation, so a caller without access learns nothing from how a value is refused.
        app.UseQueryValueChecks();
        app.UseApiAntiforgery();
        // After authentication (keys are the caller's own) and authorisation (a refused caller stores nothing).
        app.UseMiddleware<IdempotencyKeys>();
        app.MapRazorPages();
        app.MapLanguageSwitch();
        app.MapOpenApi(Routes.OpenApiDocument).AllowAnonymous();
        app.MapGet(Routes.ApiReference, () => Results.Redirect("/scalar/v1")).ExcludeFromDescription().AllowAnonymous();
        Scalar.AspNetCore.ScalarEndpointRouteBuilderExtensions.MapScalarApiReference(app).AllowAnonymous();
        app.MapHealthChecks(Routes.Health, new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        app.MapWolverineEndpoints(options =>
        {
            options.AddPolicy<ValidationPolicy>();
            options.AddPolicy<IdempotencyPolicy>();
            options.AddPolicy<QueryValues.Policy>();
            options.AddMiddleware(typeof(ActorHeaders), chain => chain.HttpMethods.Contains("POST"));
            // '?role=abc' is a 400, not silently the default value.
            options.RejectUnparseableQueryValues = true;
        });
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

/// <summary>Loads the seeds when the host starts, so a broken one refuses start-up instead of failing a request later.</summary>
internal sealed class SeedCheck(SeedCatalog seeds, WorkflowCatalog workflows, ILogger<SeedCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Seeds loaded: terms {Terms}; {Units} administrative units; workflows {Workflows}",
            string.Join(", ", seeds.Terms.Select(term => term.Id)), seeds.Units.All.Count,
            string.Join(", ", workflows.All.Select(definition => $"{definition.Id} v{definition.Version}")));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
