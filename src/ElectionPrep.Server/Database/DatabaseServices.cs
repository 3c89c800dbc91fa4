using ElectionPrep.CalendarAmendments;
using ElectionPrep.Accounts;
using ElectionPrep.Audit;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Quotas;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Weasel.Core;
using Wolverine.Marten;

namespace ElectionPrep.Database;

/// <summary>The database and the event store on it: the connection, Marten's options, the projections.</summary>
public static class DatabaseServices
{
    public const string SchemaName = "electionprep";

    /// <summary>Marten on the configured or embedded database; the returned expression takes the event store's subscriptions.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddDatabase(this IServiceCollection services)
    {
        // Registered lazily, so CLI commands that need no database never start one.
        services.AddSingleton(provider => DatabaseConnection.Open(
            provider.GetRequiredService<IConfiguration>(),
            provider.GetService<ILoggerFactory>()?.CreateLogger<EmbeddedPostgresCluster>() ?? NullLogger<EmbeddedPostgresCluster>.Instance));
        services.AddSingleton(provider => NpgsqlDataSource.Create(provider.GetRequiredService<DatabaseConnection>().ConnectionString));

        return services.AddMarten(ConfigureMarten)
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .AddAsyncDaemon(DaemonMode.HotCold)
            .IntegrateWithWolverine()
            .ApplyAllDatabaseChangesOnStartup();
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
        options.Policies.ForAllDocuments(mapping => mapping.UseOptimisticConcurrency = mapping.DocumentType.Namespace != typeof(AuditLeaf).Namespace);

        options.Projections.Add(new ConsultationProcessProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ConsultationConferenceProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new CandidacyProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new PersonProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new CandidateListProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new AmendedCalendarProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<SignInSession>().Index(session => session.Account);
        // The inbox finds a process's candidacies with complaints to verify.
        options.Schema.For<Candidacy>().Index(candidacy => candidacy.ConsultationProcessId);
        options.Schema.For<ConsultationProcess>().Index(process => process.JurisdictionCode).Index(process => process.ParentJurisdictionCode!);
        options.Schema.For<ConsultationProcessSummary>().Index(summary => summary.JurisdictionCode).GinIndexJsonData();
        options.Schema.For<IdempotentRequest>().Index(stored => stored.RecordedAt);
        options.Projections.Add(new ConsultationProcessSummaryProjection(), ProjectionLifecycle.Async);
        options.Projections.Add(new ListQuotaCountsProjection(), ProjectionLifecycle.Async);
        // The roll-up filters on the council and the path only; a whole-document index would re-index every candidate's attributes at each write.
        options.Schema.For<ListQuotaCounts>().Index(counts => counts.Council).GinIndexJsonDataMember(counts => counts.JurisdictionPath);
        return options;
    }
}
