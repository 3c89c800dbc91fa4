using System.Security.Cryptography;
using System.Text;

namespace ElectionPrep.Audit;

/// <summary>An event as exported for observers: as stored now, its protected member left out.</summary>
public sealed record ExportedEvent(long Sequence, string Id, string StreamKey, long Version, string Type, DateTimeOffset Timestamp, string? UserName,
    string? CorrelationId, string? CausationId, string Data, string? Headers = null);

/// <summary>A leaf as the log recorded it.</summary>
public sealed record ExportedLeaf(long Index, AuditEntry Entry, string LeafHash);

/// <summary>A signed checkpoint.</summary>
public sealed record ExportedCheckpoint(long TreeSize, string RootHash, DateTimeOffset Timestamp, string Reason, string Signature);

/// <summary>Everything an observer needs to check the log without the server.</summary>
public sealed record AuditExport(string PublicKeyPem, IReadOnlyList<ExportedCheckpoint> Checkpoints, IReadOnlyList<ExportedLeaf> Leaves, IReadOnlyList<ExportedEvent> Events);

/// <summary>The verifier's findings: what holds, and each problem naming the event or checkpoint.</summary>
public sealed record AuditVerification(bool Valid, IReadOnlyList<string> Problems, IReadOnlyList<string> Confirmations);

/// <summary>
/// Kiểm chứng nhật ký: recomputes every leaf from the exported events, the tree at every checkpoint, and each
/// checkpoint's signature; names the event that was altered, deleted, or slipped in out of order (<see cref="AuditOrder"/>).
/// </summary>
public static class AuditVerifier
{
    public static AuditVerification Verify(AuditExport export, TimeSpan? clockTolerance = null)
    {
        var problems = new List<string>();
        var confirmations = new List<string>();
        var events = export.Events.ToDictionary(e => e.Sequence);
        var leaves = export.Leaves.OrderBy(leaf => leaf.Index).ToList();
        var recomputed = new List<byte[]?>();

        for (var i = 0; i < leaves.Count; i++)
        {
            var leaf = leaves[i];
            if (leaf.Index != i) problems.Add($"GAP: leaf {i} is missing from the log (found leaf {leaf.Index})");
            if (Convert.ToHexStringLower(leaf.Entry.LeafHash) != leaf.LeafHash)
            {
                problems.Add($"LEAF ALTERED: leaf {leaf.Index} does not hash to its recorded value");
            }

            if (!events.TryGetValue(leaf.Entry.Sequence, out var e))
            {
                problems.Add($"DELETED: event {leaf.Entry.Sequence} ({leaf.Entry.EventType} in {leaf.Entry.StreamKey}, version {leaf.Entry.Version}) is logged as leaf {leaf.Index} but no longer stored");
                recomputed.Add(null);
                continue;
            }

            var (dataHash, _) = AuditData.Split(e.Data);
            var entry = new AuditEntry(e.Sequence, e.Id, e.StreamKey, e.Version, e.Type, e.Timestamp, e.UserName, e.CorrelationId, e.CausationId, dataHash,
                leaf.Entry.ProtectedCommitment, AuditData.HeadersHash(e.Headers));
            var hash = entry.LeafHash;
            recomputed.Add(hash);
            if (Convert.ToHexStringLower(hash) != leaf.LeafHash)
            {
                problems.Add($"ALTERED: event {e.Sequence} ({e.Type} in {e.StreamKey}, version {e.Version}) differs from what was logged as leaf {leaf.Index}");
            }
        }

        var lastLogged = leaves.Count == 0 ? 0 : leaves[^1].Entry.Sequence;
        var logged = leaves.Select(leaf => leaf.Entry.Sequence).ToHashSet();
        foreach (var e in export.Events.Where(e => e.Sequence <= lastLogged && !logged.Contains(e.Sequence)))
        {
            problems.Add($"INSERTED: event {e.Sequence} ({e.Type} in {e.StreamKey}) is stored but was never logged");
        }

        problems.AddRange(AuditOrder.CheckAll(leaves.Select(leaf => leaf.Entry), clockTolerance ?? AuditOrder.DefaultClockTolerance).Select(problem => problem.Description));

        foreach (var checkpoint in export.Checkpoints.OrderBy(c => c.TreeSize))
        {
            if (!SignatureHolds(export.PublicKeyPem, checkpoint))
            {
                problems.Add($"BAD SIGNATURE: checkpoint of size {checkpoint.TreeSize} at {checkpoint.Timestamp:O}");
                continue;
            }

            if (checkpoint.TreeSize > recomputed.Count || recomputed.Take((int)checkpoint.TreeSize).Any(hash => hash is null))
            {
                problems.Add($"UNVERIFIABLE: checkpoint of size {checkpoint.TreeSize}: leaves are missing");
                continue;
            }

            var root = Convert.ToHexStringLower(MerkleTree.Root(recomputed.Take((int)checkpoint.TreeSize).Select(hash => hash!).ToList()));
            if (root == checkpoint.RootHash) confirmations.Add($"ok: checkpoint of size {checkpoint.TreeSize} ({checkpoint.Reason}) signed and matches the events");
            else problems.Add($"ROOT MISMATCH: checkpoint of size {checkpoint.TreeSize} ({checkpoint.Reason}) does not match the events");
        }

        return new AuditVerification(problems.Count == 0, problems, confirmations);
    }

    public static bool SignatureHolds(string publicKeyPem, ExportedCheckpoint checkpoint)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(publicKeyPem);
        return ecdsa.VerifyData(SignedText(checkpoint.TreeSize, checkpoint.RootHash, checkpoint.Timestamp), Convert.FromBase64String(checkpoint.Signature), HashAlgorithmName.SHA256);
    }

    /// <summary>The text a checkpoint signs: format, size, root and time.</summary>
    public static byte[] SignedText(long size, string rootHash, DateTimeOffset timestamp) =>
        Encoding.UTF8.GetBytes($"electionprep-audit-checkpoint-v1\n{size}\n{rootHash}\n{timestamp.UtcTicks}");
}
