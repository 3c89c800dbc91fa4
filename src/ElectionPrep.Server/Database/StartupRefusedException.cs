namespace ElectionPrep.Database;

/// <summary>
/// The server cannot start for a reason a person can fix (missing PostgreSQL binaries, a broken seed file).
/// Program prints the message alone, without a stack trace, and exits non-zero.
/// </summary>
public sealed class StartupRefusedException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Finds the refusal behind the wrappers that hosting and dependency injection add.</summary>
    public static StartupRefusedException? FindIn(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is StartupRefusedException refused) return refused;
            if (current is AggregateException aggregate)
            {
                var found = aggregate.InnerExceptions.Select(FindIn).FirstOrDefault(inner => inner is not null);
                if (found is not null) return found;
            }
        }

        return null;
    }
}
