using Marten;

namespace ElectionPrep.Audit;

/// <summary>The outcome of one check of a proof: held, failed, or not possible yet (nothing signed to check against).</summary>
public enum CheckOutcome
{
    Holds,
    Fails,
    NotYet,
}

/// <summary>
/// Bằng chứng của một sự kiện, checked as `audit-verify` would: the event as stored now hashes to its leaf, the leaf is
/// included in the signed tree of <see cref="TreeSize"/> leaves, that checkpoint's signature holds under the log's public
/// key, and the tree it signed is a prefix of the latest checkpoint's (nothing before it rewritten since).
/// </summary>
public sealed record ProofReport(
    long Sequence,
    string StreamKey,
    AuditTrailEntry Entry,
    long? LeafIndex,
    long TreeSize,
    long? LatestSize,
    CheckOutcome LeafMatches,
    CheckOutcome Included,
    CheckOutcome SignatureHolds,
    CheckOutcome Consistent,
    bool Flagged)
{
    private IEnumerable<CheckOutcome> Outcomes => [LeafMatches, Included, SignatureHolds, Consistent];

    public bool Verified => !Flagged && Outcomes.All(outcome => outcome == CheckOutcome.Holds);

    /// <summary>Some check failed or the server flagged the event; otherwise it may only be waiting for a checkpoint.</summary>
    public bool Failed => Flagged || Outcomes.Contains(CheckOutcome.Fails);

    /// <summary>The report for the event with this sequence number against the checkpoint of <paramref name="treeSize"/> (default: the latest), or null when no such event exists.</summary>
    public static async Task<ProofReport?> ForAsync(long sequence, long? treeSize, IQuerySession session, AuditKeys keys, CancellationToken cancellation)
    {
        var stored = await session.Events.QueryAllRawEvents().Where(e => e.Sequence == sequence).SingleOrDefaultAsync(cancellation);
        if (stored is null) return null;

        var entry = AuditTrail.EntryOf(session, stored);
        var leaf = await session.LoadAsync<AuditLeaf>(sequence, cancellation);
        var latest = await session.Query<AuditCheckpoint>().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellation);
        var size = treeSize ?? latest?.Id ?? 0;
        var checkpoint = await session.LoadAsync<AuditCheckpoint>(size, cancellation);
        var flagged = await session.Query<AuditFinding>().AnyAsync(finding => finding.Sequence == sequence, cancellation);
        var leafMatches = leaf is null ? CheckOutcome.NotYet : Outcome(ProofStatuses.LeafMatches(leaf, entry));
        if (leaf is null || checkpoint is null || leaf.Index >= checkpoint.Id)
        {
            return new ProofReport(sequence, stored.StreamKey ?? stored.StreamId.ToString(), entry, leaf?.Index, size, latest?.Id, leafMatches, CheckOutcome.NotYet, CheckOutcome.NotYet, CheckOutcome.NotYet, flagged);
        }

        var publicKey = await keys.PublicKeyPemAsync(cancellation);
        var path = await AuditTree.HashesAsync(session, MerkleTree.InclusionRanges(leaf.Index, checkpoint.Id), cancellation);
        var included = MerkleTree.VerifyInclusion(leaf.Index, checkpoint.Id, Convert.FromHexString(leaf.LeafHash), path, Convert.FromHexString(checkpoint.RootHash));
        // The checkpoint is the latest, or the latest's tree, also signed, grew from it without rewriting it.
        var growth = latest!.Id == checkpoint.Id ? [] : await AuditTree.HashesAsync(session, MerkleTree.ConsistencyRanges(checkpoint.Id, latest.Id), cancellation);
        var consistent = latest.Id == checkpoint.Id
            || (AuditVerifier.SignatureHolds(publicKey, latest.Exported)
                && MerkleTree.VerifyConsistency(checkpoint.Id, latest.Id, Convert.FromHexString(checkpoint.RootHash), Convert.FromHexString(latest.RootHash), growth));
        return new ProofReport(sequence, stored.StreamKey ?? stored.StreamId.ToString(), entry, leaf.Index, checkpoint.Id, latest.Id, leafMatches, Outcome(included),
            Outcome(AuditVerifier.SignatureHolds(publicKey, checkpoint.Exported)), Outcome(consistent), flagged);
    }

    private static CheckOutcome Outcome(bool holds) => holds ? CheckOutcome.Holds : CheckOutcome.Fails;
}
