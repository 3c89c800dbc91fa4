using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElectionPrep.Audit;

/// <summary>
/// Bản ghi nhật ký: what one leaf of the audit log commits to: the event's place (sequence, stream, version), type,
/// time, actor and tracing metadata, a hash of its data, and a salted commitment standing for its protected personal
/// data, so that data can be masked later without breaking any proof.
/// </summary>
public sealed record AuditEntry(
    long Sequence,
    string EventId,
    string StreamKey,
    long Version,
    string EventType,
    DateTimeOffset Timestamp,
    string? UserName,
    string? CorrelationId,
    string? CausationId,
    string DataHash,
    string? ProtectedCommitment,
    string? HeadersHash = null)
{
    public const string Format = "electionprep-audit-leaf-v1";

    /// <summary>The bytes hashed into the leaf: one field per line, times in UTC to the tick.</summary>
    public byte[] LeafData => Encoding.UTF8.GetBytes(string.Join('\n', Format, Sequence.ToString(CultureInfo.InvariantCulture), EventId, StreamKey,
        Version.ToString(CultureInfo.InvariantCulture), EventType, Timestamp.UtcTicks.ToString(CultureInfo.InvariantCulture), UserName ?? "", CorrelationId ?? "",
        CausationId ?? "", DataHash, ProtectedCommitment ?? "", HeadersHash ?? ""));

    public byte[] LeafHash => MerkleTree.LeafHash(LeafData);
}

/// <summary>Protected data against its commitment in the log.</summary>
public enum ProtectedDataState
{
    Matches,

    /// <summary>The stored protected data is not what was committed to when the event was logged.</summary>
    Mismatch,

    /// <summary>Masked on purpose: the salt deleted or the values replaced; nothing left to compare.</summary>
    Masked,
}

/// <summary>How event data enters the log: canonical JSON without the protected member, hashed; the protected member as a commitment.</summary>
public static class AuditData
{
    /// <summary>The member of an event that holds protected personal data (e.g. CandidacyFiled.Protected).</summary>
    public const string ProtectedMember = "protected";

    /// <summary>Splits event data into the hash of its public part and its protected part (null when it has none).</summary>
    public static (string DataHash, JsonNode? Protected) Split(string dataJson)
    {
        var (publicPart, protectedPart) = Strip(dataJson);
        return (Sha256(Canonical(publicPart)), protectedPart);
    }

    /// <summary>The hash of an event's headers (roles, body, legal basis…) as canonical JSON, or null when it has none.</summary>
    public static string? HeadersHash(string? headersJson) =>
        string.IsNullOrWhiteSpace(headersJson) || JsonNode.Parse(headersJson) is not JsonObject { Count: > 0 } headers ? null : Sha256(Canonical(headers));

    /// <summary>The event data as observers may read it: the same JSON without its protected member.</summary>
    public static string WithoutProtected(string dataJson) => Strip(dataJson).Public?.ToJsonString() ?? "null";

    /// <summary>
    /// One rule for both the hash and what observers read: the protected member is removed whatever its casing,
    /// so the hashed data and the served data never differ.
    /// </summary>
    private static (JsonNode? Public, JsonNode? Protected) Strip(string dataJson)
    {
        var node = JsonNode.Parse(dataJson);
        if (node is not JsonObject data) return (node, null);
        var keys = data.Select(pair => pair.Key).Where(key => string.Equals(key, ProtectedMember, StringComparison.OrdinalIgnoreCase)).ToList();
        var protectedPart = keys.Count == 0 ? null : data[keys[0]]?.DeepClone();
        foreach (var key in keys) data.Remove(key);
        return (node, protectedPart);
    }

    /// <summary>What masking writes in place of each protected value.</summary>
    public const string MaskedValue = "***";

    /// <summary>
    /// Whether stored protected data still matches the commitment the log holds: masked when its salt was deleted or
    /// every value was replaced by <see cref="MaskedValue"/> (both on purpose, and both leave the proofs valid).
    /// </summary>
    public static ProtectedDataState Check(JsonNode? protectedPart, string commitment, string? saltHex) =>
        saltHex is null || (protectedPart is not null && IsMasked(protectedPart)) ? ProtectedDataState.Masked
        : protectedPart is not null && Commitment(Convert.FromHexString(saltHex), protectedPart) == commitment ? ProtectedDataState.Matches
        : ProtectedDataState.Mismatch;

    private static bool IsMasked(JsonNode node) => node switch
    {
        JsonObject obj => obj.All(pair => pair.Value is null || IsMasked(pair.Value)),
        JsonArray array => array.All(item => item is null || IsMasked(item)),
        _ => node.GetValueKind() == JsonValueKind.String && node.GetValue<string>() == MaskedValue,
    };

    /// <summary>SHA-256 of the salt and the canonical protected data: reveals nothing without the salt, proves the data with it.</summary>
    public static string Commitment(byte[] salt, JsonNode protectedPart) =>
        Convert.ToHexStringLower(SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(Canonical(protectedPart))]));

    /// <summary>
    /// Canonical JSON: object members sorted by name (ordinal), no whitespace. PostgreSQL's jsonb reorders members, so
    /// the hash taken when the event was appended must not depend on order.
    /// </summary>
    public static string Canonical(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array) Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
