using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ElectionPrep.Audit;

/// <summary>What a witness concluded about the checkpoint a log shows it now.</summary>
public enum WitnessVerdict
{
    /// <summary>The first checkpoint this witness has seen of the log: accepted, and the log's key pinned.</summary>
    FirstSeen,

    /// <summary>The same checkpoint as last time.</summary>
    Unchanged,

    /// <summary>A larger tree, proved by a consistency proof to extend the one accepted before.</summary>
    Extended,

    /// <summary>A smaller tree than one the log showed before: history was taken back.</summary>
    Rollback,

    /// <summary>A tree the log showed before, rewritten: the same size with another root, or a larger one whose consistency proof fails.</summary>
    Fork,

    /// <summary>The checkpoint is not signed by the key the witness pinned.</summary>
    BadSignature,
}

public sealed record WitnessReport(WitnessVerdict Verdict, string Message)
{
    /// <summary>Whether the witness accepts the new checkpoint and keeps it as the one to compare the next with.</summary>
    public bool Accepted => Verdict is WitnessVerdict.FirstSeen or WitnessVerdict.Unchanged or WitnessVerdict.Extended;
}

/// <summary>
/// Nhân chứng của nhật ký: keeps the last checkpoint it accepted from a log and accepts a newer one only when it is
/// signed by the same key and proved to extend it, as the C2SP tlog-witness protocol asks. Two observers whose
/// witnesses accepted different roots for one size hold the proof that the log showed them different histories.
/// </summary>
public static class Witness
{
    /// <param name="consistencyProof">PROOF(last size, next size), needed only when the tree grew.</param>
    public static WitnessReport Judge(string publicKeyPem, ExportedCheckpoint? last, ExportedCheckpoint next, IReadOnlyList<byte[]>? consistencyProof)
    {
        if (!AuditVerifier.SignatureHolds(publicKeyPem, next))
        {
            return new(WitnessVerdict.BadSignature, $"BAD SIGNATURE: the checkpoint of size {next.TreeSize} is not signed by the pinned key");
        }

        if (last is null) return new(WitnessVerdict.FirstSeen, $"FIRST SEEN: size {next.TreeSize}, root {next.RootHash}");
        if (next.TreeSize < last.TreeSize)
        {
            return new(WitnessVerdict.Rollback, $"ROLLBACK: the log shows size {next.TreeSize}, after it showed size {last.TreeSize}");
        }

        if (next.TreeSize == last.TreeSize)
        {
            return next.RootHash == last.RootHash
                ? new(WitnessVerdict.Unchanged, $"UNCHANGED: size {next.TreeSize}")
                : new(WitnessVerdict.Fork, $"FORK: size {next.TreeSize} has root {next.RootHash}, after root {last.RootHash}");
        }

        return MerkleTree.VerifyConsistency(last.TreeSize, next.TreeSize, Convert.FromHexString(last.RootHash), Convert.FromHexString(next.RootHash), consistencyProof ?? [])
            ? new(WitnessVerdict.Extended, $"EXTENDED: size {last.TreeSize} → {next.TreeSize}, consistency proved")
            : new(WitnessVerdict.Fork, $"FORK: size {next.TreeSize} does not extend size {last.TreeSize} (the consistency proof fails)");
    }
}

/// <summary>
/// Điểm kiểm chứng dạng văn bản: a checkpoint as a C2SP tlog-checkpoint note. The body is the log's origin, the tree size
/// and the base64 root, with the signing time and reason as extension lines; the signature line carries the log's
/// ECDSA signature, which covers the size, root and time (<see cref="AuditVerifier.SignedText"/>) rather than the
/// note's bytes, so tools that check Ed25519 notes read the body but not the signature.
/// </summary>
public static class CheckpointNote
{
    private const string SignaturePrefix = "— ";

    /// <summary>The log's origin: a name unique to its key, so a witness never confuses two logs.</summary>
    public static string OriginOf(string publicKeyPem) =>
        "electionprep/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(publicKeyPem.Trim())))[..16];

    public static string Format(string origin, ExportedCheckpoint checkpoint) =>
        $"{origin}\n{checkpoint.TreeSize.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(Convert.FromHexString(checkpoint.RootHash))}\n" +
        $"timestamp {checkpoint.Timestamp.UtcTicks.ToString(CultureInfo.InvariantCulture)}\nreason {checkpoint.Reason}\n\n{SignaturePrefix}{origin} {checkpoint.Signature}\n";

    /// <summary>The origin and checkpoint a note holds, or null when the text is not such a note.</summary>
    public static (string Origin, ExportedCheckpoint Checkpoint)? Parse(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length < 8 || lines[5].Length != 0 || !lines[6].StartsWith(SignaturePrefix, StringComparison.Ordinal)) return null;
        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || !lines[3].StartsWith("timestamp ", StringComparison.Ordinal)
            || !long.TryParse(lines[3]["timestamp ".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !lines[4].StartsWith("reason ", StringComparison.Ordinal))
        {
            return null;
        }

        var signature = lines[6][SignaturePrefix.Length..].Split(' ');
        if (signature.Length != 2 || signature[0] != lines[0]) return null;
        try
        {
            var root = Convert.ToHexStringLower(Convert.FromBase64String(lines[2]));
            return (lines[0], new ExportedCheckpoint(size, root, new DateTimeOffset(ticks, TimeSpan.Zero), lines[4]["reason ".Length..], signature[1]));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
