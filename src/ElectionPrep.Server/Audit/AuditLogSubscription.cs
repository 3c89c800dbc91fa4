using System.Security.Cryptography;
using ElectionPrep.CandidateLists;
using ElectionPrep.ConsultationConferences;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace ElectionPrep.Audit;

/// <summary>
/// Appends every event to the audit log in sequence order, below the daemon's high-water mark, numbering leaves
/// without gaps. Progress and leaves commit together, so no event is logged twice or skipped. Signs a checkpoint
/// after a page that signs minutes or publishes a list, and at the first event of each day. An event out of order
/// (<see cref="AuditOrder"/>) is still logged, so the log never stalls, and recorded as a finding for observers.
/// </summary>
public sealed class AuditLogSubscription(AuditKeys keys, IServiceProvider services, IConfiguration configuration, TimeProvider clock) : SubscriptionBase
{
    private readonly TimeSpan tolerance = configuration.GetValue("Audit:ClockTolerance", AuditOrder.DefaultClockTolerance);

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        // The store is built with this subscription in it, so it is looked up when events arrive, not when constructed.
        var serializer = services.GetRequiredService<IDocumentStore>().Options.Serializer();
        var head = await operations.LoadAsync<AuditLogHead>(AuditLogHead.DocumentId, cancellationToken) ?? new AuditLogHead(AuditLogHead.DocumentId, 0);
        var latest = await operations.Query<AuditCheckpoint>().OrderByDescending(checkpoint => checkpoint.Id).FirstOrDefaultAsync(cancellationToken);
        string? reason = null;
        var added = 0;
        var tree = await AuditTreeWriter.OpenAsync(operations, head, cancellationToken);
        var marks = await MarksAsync(operations, page.Events.Select(e => e.StreamKey ?? e.StreamId.ToString()).Distinct().ToArray(), cancellationToken);
        var lastIndex = head.Size - 1;
        // A log begun before the order was checked: its last leaf stands for the latest event.
        if (head.Latest is null && await operations.Query<AuditLeaf>().FirstOrDefaultAsync(leaf => leaf.Index == lastIndex, cancellationToken) is { } last)
        {
            head = head with { Latest = new LoggedPlace(last.Id, last.Entry.Version, last.Entry.Timestamp) };
        }

        foreach (var e in page.Events.OrderBy(e => e.Sequence))
        {
            var (dataHash, protectedPart) = AuditData.Split(serializer.ToJson(e.Data));
            string? commitment = null;
            if (protectedPart is not null)
            {
                var salt = RandomNumberGenerator.GetBytes(16);
                commitment = AuditData.Commitment(salt, protectedPart);
                operations.Store(new AuditSalt(e.Id.ToString(), Convert.ToHexStringLower(salt)));
            }

            var entry = new AuditEntry(e.Sequence, e.Id.ToString(), e.StreamKey ?? e.StreamId.ToString(), e.Version, e.EventTypeName, e.Timestamp,
                e.UserName, e.CorrelationId, e.CausationId, dataHash, commitment, AuditData.HeadersHash(e.Headers is { Count: > 0 } headers ? serializer.ToJson(headers) : null));
            var (problems, streamPlace, latestEvent) = AuditOrder.Log(entry, marks.GetValueOrDefault(entry.StreamKey), head.Latest, tolerance);
            foreach (var problem in problems) operations.Store(AuditFinding.Of(problem, clock.GetUtcNow()));
            if (streamPlace is not null) marks[entry.StreamKey] = streamPlace;
            added++;
            await tree.AppendAsync(entry.LeafHash, cancellationToken);
            operations.Store(new AuditLeaf(e.Sequence, head.Size, entry, Convert.ToHexStringLower(entry.LeafHash)));
            head = head with { Size = head.Size + 1, Latest = latestEvent };
            reason = e.Data switch
            {
                MinutesSigned => "minutes-signed",
                OfficialListPublished => "official-list-published",
                _ when latest is not null && latest.Timestamp.UtcDateTime.Date < e.Timestamp.UtcDateTime.Date => "daily",
                _ => reason,
            };
        }

        operations.Store(head with { Frontier = tree.Frontier });
        tree.Store();
        foreach (var (streamKey, place) in marks) operations.Store(new AuditStreamMark(streamKey, place));
        if (added > 0 && (reason is not null || latest is null))
        {
            // The root folds from the frontier: O(log n), whatever the log's size.
            var root = Convert.ToHexStringLower(tree.Root);
            var now = page.Events.Max(e => e.Timestamp);
            operations.Store(new AuditCheckpoint(head.Size, root, now, reason ?? "first", await keys.SignAsync(AuditVerifier.SignedText(head.Size, root, now), cancellationToken)));
        }

        return NullChangeListener.Instance;
    }

    /// <summary>
    /// Each stream's last logged place: its mark, or else its last leaf (a stream logged before marks were kept), or none
    /// for a new stream.
    /// </summary>
    private static async Task<Dictionary<string, LoggedPlace>> MarksAsync(IDocumentOperations operations, string[] streamKeys, CancellationToken cancellation)
    {
        var marks = (await operations.LoadManyAsync<AuditStreamMark>(cancellation, streamKeys)).ToDictionary(mark => mark.Id, mark => mark.Place);
        var unmarked = streamKeys.Where(key => !marks.ContainsKey(key)).ToArray();
        if (unmarked.Length == 0) return marks;

        var logged = await operations.Query<AuditLeaf>().Where(leaf => leaf.Entry.StreamKey.In(unmarked)).ToListAsync(cancellation);
        foreach (var last in logged.Where(leaf => !AuditOrder.IsPlaceholder(leaf.Entry)).GroupBy(leaf => leaf.Entry.StreamKey).Select(stream => stream.MaxBy(leaf => leaf.Id)!))
        {
            marks[last.Entry.StreamKey] = new LoggedPlace(last.Id, last.Entry.Version, last.Entry.Timestamp);
        }

        return marks;
    }
}
