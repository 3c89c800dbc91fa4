using ElectionPrep.Audit;

namespace ElectionPrep.Audit;

/// <summary>
/// Lá thứ <paramref name="Index"/> của nhật ký: the entry and the leaf hash recorded when the event was logged. Keyed by
/// the event's sequence number (never 0, which Marten would take for "assign me an id").
/// </summary>
public sealed record AuditLeaf(long Id, long Index, AuditEntry Entry, string LeafHash);

/// <summary>
/// The log's size so far: leaves are numbered 0, 1, 2… without gaps, whatever gaps the event sequence has; its
/// latest-dated event, which no later event may precede by more than the clock tolerance; and the frontier of its tree
/// (<see cref="MerkleFrontier"/>, hex, largest subtree first), from which the next leaf and the root are computed.
/// </summary>
public sealed record AuditLogHead(string Id, long Size, LoggedPlace? Latest = null, IReadOnlyList<string>? Frontier = null)
{
    public const string DocumentId = "audit-log-head";
}

/// <summary>A stream's last logged version and time (keyed by the stream key), so the next event of the stream is checked as it is logged.</summary>
public sealed record AuditStreamMark(string Id, LoggedPlace Place);

/// <summary>
/// Bất thường phát hiện trong nhật ký: an event spliced in out of order, or protected data that no longer matches its
/// commitment. Kept for observers, named by sequence and stream, never holding the protected values.
/// </summary>
public sealed record AuditFinding(string Id, string Kind, long Sequence, string StreamKey, long Version, string Description, DateTimeOffset FoundAt)
{
    public const string ProtectedMismatch = "protected-mismatch";

    public static string IdFor(string kind, long sequence) => $"{kind}:{sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static AuditFinding Of(AuditOrderProblem problem, DateTimeOffset foundAt) =>
        new(IdFor(problem.Kind, problem.Sequence), problem.Kind, problem.Sequence, problem.StreamKey, problem.Version, problem.Description, foundAt);
}

/// <summary>The salt of an event's protected-data commitment; deleting it (masking) leaves the commitment, and the proofs, intact.</summary>
public sealed record AuditSalt(string Id, string Salt);

/// <summary>
/// Điểm kiểm chứng có chữ ký: the tree size and root at a moment, signed with the installation's audit key, taken at
/// every signed minutes, every published list and daily.
/// </summary>
public sealed record AuditCheckpoint(long Id, string RootHash, DateTimeOffset Timestamp, string Reason, string Signature)
{
    public ExportedCheckpoint Exported => new(Id, RootHash, Timestamp, Reason, Signature);
}

/// <summary>The audit signing key (ECDSA P-256), created on first use unless Audit:SigningKey names a PEM file.</summary>
public sealed record AuditSigningKey(string Id, string PrivateKeyPem, string PublicKeyPem)
{
    public const string DocumentId = "audit-signing-key";
}
