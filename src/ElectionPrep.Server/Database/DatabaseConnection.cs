namespace ElectionPrep.Database;

/// <summary>
/// Where the event store lives: the configured server (ConnectionStrings:ElectionPrep), or else a PostgreSQL
/// cluster this process starts itself. Disposed after everything that uses it, so the cluster stops last.
/// </summary>
public sealed class DatabaseConnection : IAsyncDisposable, IDisposable
{
    public const string ConnectionStringName = "ElectionPrep";

    private readonly EmbeddedPostgresCluster? embedded;

    private DatabaseConnection(string connectionString, EmbeddedPostgresCluster? embedded)
    {
        // PostgreSQL's error detail quotes the offending row (a citizen ID in a unique violation), and Npgsql puts it in
        // the exception, which is logged: off, whatever the configured connection string says.
        ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { IncludeErrorDetail = false }.ConnectionString;
        this.embedded = embedded;
    }

    public string ConnectionString { get; }

    public static DatabaseConnection Open(IConfiguration configuration, ILogger logger)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured)) return new DatabaseConnection(configured, null);

        var section = configuration.GetSection("EmbeddedDatabase");
        var root = section["DataDirectory"] is { Length: > 0 } folder ? folder : EmbeddedPostgresCluster.DefaultRoot();
        var durable = section.GetValue("Durable", defaultValue: true);
        // Service registration is synchronous; the cluster starts once, before the first connection is needed.
        var cluster = EmbeddedPostgresCluster.StartAsync(root, durable, logger).GetAwaiter().GetResult();
        return new DatabaseConnection(cluster.ConnectionString, cluster);
    }

    public async ValueTask DisposeAsync()
    {
        if (embedded is not null) await embedded.StopAsync();
    }

    // Some hosts (the test server among them) dispose their services synchronously.
    public void Dispose() => embedded?.StopAsync().GetAwaiter().GetResult();
}
