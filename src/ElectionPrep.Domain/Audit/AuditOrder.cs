using System.Globalization;

namespace ElectionPrep.Audit;

/// <summary>Where the log stood when an event was logged: a stream's last logged version, or the log's latest event.</summary>
public sealed record LoggedPlace(long Sequence, long Version, DateTimeOffset Timestamp);

/// <summary>
/// Thứ tự của nhật ký: what an honest append can never produce, so an event slipped into the table by its operator shows.
/// Each stream's versions run 1, 2, 3… in sequence order (Marten appends with an expected version, so a skipped or
/// repeated version was not written through Marten). An event may not be dated earlier than an event logged before it,
/// beyond a tolerance.
/// </summary>
/// <remarks>
/// Why a tolerance, and why over the whole log rather than strictly per stream: Marten 9 (Rich appends) stamps an event
/// with the application's wall clock when the session saves, not with the database's time (checked against PostgreSQL:
/// a transaction opened 1.5 s before saving stored the time of the save, and an explicit IEvent.Timestamp is stored as
/// given). The sequence number is drawn later, at the insert. So a writer that stamped first but waited on a lock, or a
/// node whose clock runs a little behind another's, can land after a later-dated event, even in the same stream. An
/// honest event is never dated earlier than the log's latest by more than that wait plus the skew between nodes; a
/// back-dated insertion is (the attacker's point is to pass for old news).
/// </remarks>
public static class AuditOrder
{
    /// <summary>Lock waits and the clock skew between the server's nodes stay far below this.</summary>
    public static readonly TimeSpan DefaultClockTolerance = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Marten's placeholder for sequence numbers a failed transaction drew (a lost race): stream mt_tombstone, type
    /// tombstone, version equal to the sequence and no time. Honest, and outside any order; anything else in that stream
    /// is checked like any event.
    /// </summary>
    public static bool IsPlaceholder(AuditEntry entry) =>
        entry is { StreamKey: "mt_tombstone", EventType: "tombstone" } && entry.Version == entry.Sequence;

    /// <summary>
    /// The problems with logging <paramref name="entry"/> after <paramref name="previousInStream"/> and <paramref name="latest"/>
    /// (none for an honest append), and the stream's place and the log's latest once it is logged.
    /// </summary>
    public static (IReadOnlyList<AuditOrderProblem> Problems, LoggedPlace? Stream, LoggedPlace? Latest) Log(AuditEntry entry, LoggedPlace? previousInStream,
        LoggedPlace? latest, TimeSpan tolerance)
    {
        if (IsPlaceholder(entry)) return ([], previousInStream, latest);

        var problems = new List<AuditOrderProblem>();
        var expected = (previousInStream?.Version ?? 0) + 1;
        if (entry.Version != expected)
        {
            var after = previousInStream is null ? "starts the stream" : $"follows version {previousInStream.Version}";
            problems.Add(new AuditOrderProblem(AuditOrderProblem.Spliced, entry.Sequence, entry.StreamKey, entry.Version,
                $"SPLICED: stream {entry.StreamKey} version {entry.Version} {after} at sequence {entry.Sequence} (expected version {expected})"));
        }

        if (latest is not null && entry.Timestamp < latest.Timestamp - tolerance)
        {
            problems.Add(new AuditOrderProblem(AuditOrderProblem.BackDated, entry.Sequence, entry.StreamKey, entry.Version,
                $"BACK-DATED: stream {entry.StreamKey} version {entry.Version} at sequence {entry.Sequence} is dated {Time(entry.Timestamp)}, before sequence {latest.Sequence} dated {Time(latest.Timestamp)} (tolerance {tolerance.ToString("c", CultureInfo.InvariantCulture)})"));
        }

        var place = new LoggedPlace(entry.Sequence, entry.Version, entry.Timestamp);
        return (problems, place, latest is not null && latest.Timestamp > entry.Timestamp ? latest : place);
    }

    /// <summary>Every problem of a log, its entries taken in sequence order.</summary>
    public static IReadOnlyList<AuditOrderProblem> CheckAll(IEnumerable<AuditEntry> entries, TimeSpan tolerance)
    {
        var streams = new Dictionary<string, LoggedPlace>(StringComparer.Ordinal);
        LoggedPlace? latest = null;
        var problems = new List<AuditOrderProblem>();
        foreach (var entry in entries.OrderBy(e => e.Sequence))
        {
            (var found, var stream, latest) = Log(entry, streams.GetValueOrDefault(entry.StreamKey), latest, tolerance);
            problems.AddRange(found);
            if (stream is not null) streams[entry.StreamKey] = stream;
        }

        return problems;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>One order problem, naming the event by sequence, stream and version.</summary>
public sealed record AuditOrderProblem(string Kind, long Sequence, string StreamKey, long Version, string Description)
{
    public const string Spliced = "spliced";
    public const string BackDated = "back-dated";
}
