using ElectionPrep.Http;
using Marten;

namespace ElectionPrep.Audit;

/// <summary>Trạng thái xác minh of one event, as the observer's timeline shows it.</summary>
public enum ProofState
{
    /// <summary>The event as stored now hashes to its leaf, the leaf is proven in the latest checkpoint, and the checkpoint's signature holds.</summary>
    Verified,

    /// <summary>Not yet covered by a signed checkpoint (the log signs at milestones and daily).</summary>
    Pending,

    /// <summary>The event no longer matches what the log committed to, the proof or signature fails, or the server found it spliced in or its protected data changed.</summary>
    Failed,
}

public sealed record ProofStatus(ProofState State, long? LeafIndex, long? TreeSize)
{
    /// <summary>The page that explains the proof in words, for the tree the status was checked against.</summary>
    public string? ProofLink(long sequence) => TreeSize is { } size ? $"{Routes.For(Routes.AuditProofPage, sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))}?treeSize={size}" : null;
}

/// <summary>
/// Checks the events of a timeline against the verifiable log, the same checks `audit-verify` makes offline: the event's
/// public data and metadata against its leaf, the leaf's inclusion proof against the latest checkpoint's root, and the
/// checkpoint's signature against the log's public key; and whether the server recorded a finding against the event.
/// </summary>
public static class ProofStatuses
{
    public static async Task<IReadOnlyDictionary<long, ProofStatus>> ForAsync(IReadOnlyList<AuditTrailEntry> entries, IQuerySession session, AuditKeys keys,
        CancellationToken cancellation)
    {
        var checkpoint = await session.Query<AuditCheckpoint>().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellation);
        var sequences = entries.Select(entry => entry.Sequence).ToList();
        var bySequence = (await session.LoadManyAsync<AuditLeaf>(cancellation, sequences)).ToDictionary(leaf => leaf.Id);
        var signed = checkpoint is not null && AuditVerifier.SignatureHolds(await keys.PublicKeyPemAsync(cancellation), checkpoint.Exported);
        // Every proof of the page from one read of the tiles it needs.
        var proven = checkpoint is null ? [] : bySequence.Values.Where(leaf => leaf.Index < checkpoint.Id).ToList();
        var ranges = proven.Select(leaf => MerkleTree.InclusionRanges(leaf.Index, checkpoint!.Id)).ToList();
        var hashes = await AuditTree.HashesAsync(session, [.. ranges.SelectMany(path => path)], cancellation);
        var proofs = new Dictionary<long, IReadOnlyList<byte[]>>();
        var taken = 0;
        foreach (var (leaf, path) in proven.Zip(ranges))
        {
            proofs[leaf.Id] = hashes.Skip(taken).Take(path.Count).ToList();
            taken += path.Count;
        }

        var found = (await session.Query<AuditFinding>().Where(finding => finding.Sequence.In(sequences)).Select(finding => finding.Sequence).ToListAsync(cancellation)).ToHashSet();

        var statuses = new Dictionary<long, ProofStatus>();
        foreach (var entry in entries)
        {
            if (!bySequence.TryGetValue(entry.Sequence, out var leaf) || checkpoint is null || leaf.Index >= checkpoint.Id)
            {
                statuses[entry.Sequence] = new ProofStatus(found.Contains(entry.Sequence) ? ProofState.Failed : ProofState.Pending, leaf?.Index, null);
                continue;
            }

            var matches = LeafMatches(leaf, entry);
            var included = MerkleTree.VerifyInclusion(leaf.Index, checkpoint.Id, Convert.FromHexString(leaf.LeafHash), proofs[leaf.Id], Convert.FromHexString(checkpoint.RootHash));
            statuses[entry.Sequence] = new ProofStatus(matches && included && signed && !found.Contains(entry.Sequence) ? ProofState.Verified : ProofState.Failed,
                leaf.Index, checkpoint.Id);
        }

        return statuses;
    }

    /// <summary>The event as stored now (its public data, version, kind, account and time) hashes to the leaf the log committed to.</summary>
    public static bool LeafMatches(AuditLeaf leaf, AuditTrailEntry entry) =>
        leaf.Entry.DataHash == AuditData.Split(entry.Data).DataHash
        && leaf.Entry.Version == entry.Version && leaf.Entry.EventType == entry.Type && leaf.Entry.UserName == entry.UserName
        && leaf.Entry.Timestamp.UtcTicks == entry.Timestamp.UtcTicks
        && Convert.ToHexStringLower(leaf.Entry.LeafHash) == leaf.LeafHash;
}

/// <summary>
/// Tình trạng nhật ký: the latest signed checkpoint, whether its signature holds and whether the tree stored now still
/// folds to the root it signed, how many events wait for the next checkpoint, and what the server found wrong in the log.
/// Whether every stored leaf still matches its event is the offline verifier's check, over the export.
/// </summary>
public sealed record LogStatus(ExportedCheckpoint? Latest, bool SignatureHolds, bool RootMatches, long Pending, IReadOnlyList<AuditFinding> Findings)
{
    public bool Verified => Latest is not null && SignatureHolds && RootMatches;

    public static async Task<LogStatus> CurrentAsync(IQuerySession session, AuditKeys keys, CancellationToken cancellation)
    {
        var logged = await AuditEndpoints.LoggedSizeAsync(session, cancellation);
        var findings = await session.Query<AuditFinding>().OrderBy(finding => finding.Sequence).ToListAsync(cancellation);
        if (await session.Query<AuditCheckpoint>().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellation) is not { } latest)
        {
            return new LogStatus(null, false, false, logged, findings);
        }

        var root = latest.Id <= logged ? Convert.ToHexStringLower(await AuditTree.RootAsync(session, latest.Id, cancellation)) : null;
        return new LogStatus(latest.Exported, AuditVerifier.SignatureHolds(await keys.PublicKeyPemAsync(cancellation), latest.Exported), root == latest.RootHash,
            logged - latest.Id, findings);
    }
}
