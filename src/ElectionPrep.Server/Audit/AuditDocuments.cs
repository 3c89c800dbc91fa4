using ElectionPrep.Audit;

namespace ElectionPrep.Audit;

/// <summary>
/// Lá thứ <paramref name="Index"/> của nhật ký: the entry and the leaf hash recorded when the event was logged. Keyed by
/// the event's sequence number (never 0, which Marten would take for "assign me an id").
/// </summary>
public sealed record AuditLeaf(long Id, long Index, AuditEntry Entry, string LeafHash);

/// <summary>The log's size so far: leaves are numbered 0, 1, 2… without gaps, whatever gaps the event sequence has.</summary>
public sealed record AuditLogHead(string Id, long Size)
{
    public const string DocumentId = "audit-log-head";
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
