using Marten;
using Marten.Services;
using Npgsql;

namespace ElectionPrep.Database;

/// <summary>
/// Marten's own logger writes a failed command with its parameter values, and an event append's values are the
/// event's JSON, a candidate's protected data included (citizen ID, address, phone). This one writes the command text
/// and the exception's type and message only; successes are not logged.
/// </summary>
/// <remarks>
/// The exception object itself is not logged: whoever catches it logs it. Npgsql redacts a PostgreSQL error's detail
/// (which can quote a row) unless the connection string says `Include Error Detail`, which nothing here sets.
/// </remarks>
public sealed class CommandTextOnlyLogger(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogInformation("Executed schema update SQL:\n{Sql}", sql);

    public void LogSuccess(NpgsqlCommand command)
    {
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failed(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) => Failed(ex, string.Join('\n', batch.BatchCommands.Select((NpgsqlBatchCommand command) => command.CommandText)));

    public void LogFailure(Exception ex, string message) => Failed(ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    private void Failed(Exception ex, string commandText) =>
        logger.LogError("A Marten command failed ({ExceptionType}: {ExceptionMessage}):\n{Sql}", ex.GetType().FullName, ex.Message, commandText);
}
