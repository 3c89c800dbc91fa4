using System.Text.Json;
using System.Text.Json.Serialization;
using ElectionPrep.Health;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using FluentValidation;
using Wolverine.Http;

namespace ElectionPrep.Http;

/// <summary>The HTTP API: Wolverine.HTTP endpoints, their validators, problem details, and what every request goes through.</summary>
public static class HttpServices
{
    public static WebApplicationBuilder AddHttp(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHostedService<ExpiredIdempotencyKeys>();
        services.AddAntiforgery(options => options.HeaderName = ApiAntiforgery.HeaderName);
        // The requests' and messages' validators; the seeds' and workflows' own run when they are loaded.
        services.AddValidatorsFromAssemblyContaining<SeedCatalog>(ServiceLifetime.Singleton, includeInternalTypes: false,
            filter: scan => scan.ValidatorType.Namespace != typeof(TermValidator).Namespace && scan.ValidatorType != typeof(WorkflowDefinitionValidator));
        services.AddWolverineHttp();
        services.ConfigureHttpJsonOptions(json => NameEnums(json.SerializerOptions));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Problems.ExplainUnreadableBody);
        services.AddExceptionHandler<ConcurrencyProblemHandler>();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.LimitRequestBodies();
        services.AddCommandConcurrency(builder.Configuration);
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>
    /// Maps the Wolverine.HTTP endpoints with the policies that apply to all of them: every request body is checked for
    /// shape and validated, and every query value must parse; every POST honours its Idempotency-Key and records its
    /// actor in the headers of the events it appends.
    /// </summary>
    public static WebApplication MapApiEndpoints(this WebApplication app)
    {
        app.MapWolverineEndpoints(options =>
        {
            options.AddPolicy<ValidationPolicy>();
            options.AddPolicy<IdempotencyPolicy>();
            options.AddPolicy<QueryValues.Policy>();
            options.AddMiddleware(typeof(ActorHeaders), chain => chain.HttpMethods.Contains("POST"));
            // '?role=abc' is a 400, not silently the default value.
            options.RejectUnparseableQueryValues = true;
        });
        return app;
    }

    /// <summary>
    /// Enums by name only in every JSON the host writes or reads (the API's and the pages' options alike): a number
    /// would read as a value the enum does not define.
    /// </summary>
    public static void NameEnums(JsonSerializerOptions options) => options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
}
