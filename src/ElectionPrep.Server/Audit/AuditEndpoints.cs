using System.Buffers;
using System.Security.Claims;
using System.Text.Json;
using ElectionPrep.Database;
using Microsoft.AspNetCore.Authorization;
using ElectionPrep.Common;
using ElectionPrep.Http;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine.Http;

namespace ElectionPrep.Audit;

/// <summary>
/// An inclusion proof: the leaf of an event and the audit path to a tree size. The entry (stream key, user name, type,
/// times) is for signed-in callers only: anyone may check a proof, but the log must not name every account to anyone.
/// </summary>
public sealed record InclusionProof(long LeafIndex, long TreeSize, string LeafHash, IReadOnlyList<string> Path, string RootHash,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] AuditEntry? Entry = null);

/// <summary>A consistency proof between two tree sizes.</summary>
public sealed record ConsistencyProof(long FirstSize, long SecondSize, IReadOnlyList<string> Path, string FirstRoot, string SecondRoot);

/// <summary>The audit log for observers: checkpoints, proofs and an export `audit-verify` checks without the server.</summary>
public static class AuditEndpoints
{
    [WolverineGet(Routes.AuditPublicKey)]
    [AllowAnonymous]
    public static async Task<IResult> PublicKey(AuditKeys keys, CancellationToken cancellation) =>
        Results.Text(await keys.PublicKeyPemAsync(cancellation), "application/x-pem-file");

    [WolverineGet(Routes.AuditCheckpoints)]
    [AllowAnonymous]
    public static async Task<IReadOnlyList<ExportedCheckpoint>> Checkpoints(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<AuditCheckpoint>().OrderBy(c => c.Id).ToListAsync(cancellation)).Select(c => c.Exported).ToList();

    [WolverineGet(Routes.AuditLatestCheckpoint)]
    [AllowAnonymous]
    public static async Task<IResult> Latest(IQuerySession session, CancellationToken cancellation) =>
        await session.Query<AuditCheckpoint>().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellation) is { } latest
            ? Results.Ok(latest.Exported)
            : Problems.NotFound(new BilingualText("Nhật ký chưa có điểm kiểm chứng.", "The log has no checkpoint yet."));

    /// <summary>The latest checkpoint as a C2SP checkpoint note, the text witnesses keep and compare.</summary>
    [WolverineGet(Routes.AuditLatestCheckpointNote)]
    [AllowAnonymous]
    public static async Task<IResult> LatestNote(IQuerySession session, AuditKeys keys, CancellationToken cancellation) =>
        await session.Query<AuditCheckpoint>().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellation) is { } latest
            ? Results.Text(CheckpointNote.Format(CheckpointNote.OriginOf(await keys.PublicKeyPemAsync(cancellation)), latest.Exported), "text/plain; charset=utf-8")
            : Problems.NotFound(new BilingualText("Nhật ký chưa có điểm kiểm chứng.", "The log has no checkpoint yet."));

    /// <summary>
    /// Proves the event with this sequence number is in the tree of <paramref name="treeSize"/> leaves (default: the
    /// latest checkpoint), from O(log n) stored nodes.
    /// </summary>
    [WolverineGet(Routes.AuditInclusionProof)]
    [AllowAnonymous]
    public static async Task<IResult> Inclusion(long sequence, long? treeSize, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellation)
    {
        var logged = await LoggedSizeAsync(session, cancellation);
        var size = treeSize ?? (await session.Query<AuditCheckpoint>().OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellation))?.Id ?? logged;
        var leaf = await session.LoadAsync<AuditLeaf>(sequence, cancellation);
        if (leaf is null || leaf.Index >= size || size > logged)
        {
            return Problems.NotFound(new BilingualText($"Sự kiện {sequence} chưa có trong cây cỡ {size}.", $"Event {sequence} is not in the tree of size {size}."));
        }

        var hashes = await AuditTree.HashesAsync(session, [.. MerkleTree.InclusionRanges(leaf.Index, size), new LeafRange(0, size)], cancellation);
        return Results.Ok(new InclusionProof(leaf.Index, size, leaf.LeafHash, hashes.SkipLast(1).Select(Convert.ToHexStringLower).ToList(),
            Convert.ToHexStringLower(hashes[^1]), user.Identity?.IsAuthenticated == true ? leaf.Entry : null));
    }

    /// <summary>What the server found wrong in its own log: events spliced in out of order, protected data that no longer matches.</summary>
    [WolverineGet(Routes.AuditFindings)]
    [SignedIn]
    public static async Task<IReadOnlyList<AuditFinding>> Findings(IQuerySession session, CancellationToken cancellation) =>
        await session.Query<AuditFinding>().OrderBy(finding => finding.Sequence).ToListAsync(cancellation);

    [WolverineGet(Routes.AuditConsistencyProof)]
    [AllowAnonymous]
    public static async Task<IResult> Consistency(long first, long second, IQuerySession session, CancellationToken cancellation)
    {
        var logged = await LoggedSizeAsync(session, cancellation);
        if (first < 1 || first > second || second > logged)
        {
            return Problems.Invalid(
                [new FluentValidation.Results.ValidationFailure("second", $"Cần 1 ≤ first ≤ second ≤ {logged}.")],
                [new FluentValidation.Results.ValidationFailure("second", $"Needs 1 ≤ first ≤ second ≤ {logged}.")]);
        }

        var hashes = await AuditTree.HashesAsync(session, [.. MerkleTree.ConsistencyRanges(first, second), new LeafRange(0, first), new LeafRange(0, second)], cancellation);
        return Results.Ok(new ConsistencyProof(first, second, hashes.SkipLast(2).Select(Convert.ToHexStringLower).ToList(),
            Convert.ToHexStringLower(hashes[^2]), Convert.ToHexStringLower(hashes[^1])));
    }

    /// <summary>How many leaves the log holds now.</summary>
    public static async Task<long> LoggedSizeAsync(IQuerySession session, CancellationToken cancellation) =>
        (await session.LoadAsync<AuditLogHead>(AuditLogHead.DocumentId, cancellation))?.Size ?? 0;

    /// <summary>
    /// The signed checkpoints, the leaves as logged and the events exactly as stored now (read from the event table,
    /// protected members left out), written as they are read: the whole country's log is millions of entries, more
    /// than a server should hold at once. Read in that order, every checkpoint covers only leaves exported and every leaf
    /// an event exported, while the log goes on growing.
    /// </summary>
    [WolverineGet(Routes.AuditExport)]
    [ReadsNationally]
    public static IResult Export(IDocumentStore store, NpgsqlDataSource database, AuditKeys keys, IOptions<JsonOptions> json, HttpContext context) =>
        Results.Stream(body => WriteExportAsync(body, store, database, keys, json.Value.SerializerOptions, context.RequestAborted), "application/json");

    private static async Task WriteExportAsync(Stream body, IDocumentStore store, NpgsqlDataSource database, AuditKeys keys, JsonSerializerOptions json,
        CancellationToken cancellation)
    {
        string Name(string member) => json.PropertyNamingPolicy?.ConvertName(member) ?? member;
        await using var session = store.QuerySession();
        // The serializer flushes its writer after each value, which on a stream would be a synchronous write Kestrel
        // refuses; the writer fills a buffer instead, and the buffer goes to the response asynchronously.
        var buffer = new ArrayBufferWriter<byte>();
        await using var writer = new Utf8JsonWriter(buffer);
        async Task Send()
        {
            writer.Flush();
            await body.WriteAsync(buffer.WrittenMemory, cancellation);
            buffer.ResetWrittenCount();
        }

        async Task Item<T>(T item)
        {
            JsonSerializer.Serialize(writer, item, json);
            if (buffer.WrittenCount > 64 * 1024) await Send();
        }

        writer.WriteStartObject();
        writer.WriteString(Name(nameof(AuditExport.PublicKeyPem)), await keys.PublicKeyPemAsync(cancellation));
        writer.WritePropertyName(Name(nameof(AuditExport.Checkpoints)));
        JsonSerializer.Serialize(writer, (await session.Query<AuditCheckpoint>().OrderBy(c => c.Id).ToListAsync(cancellation)).Select(c => c.Exported), json);

        writer.WritePropertyName(Name(nameof(AuditExport.Leaves)));
        writer.WriteStartArray();
        await foreach (var leaf in session.Query<AuditLeaf>().OrderBy(leaf => leaf.Index).ToAsyncEnumerable(cancellation))
        {
            await Item(new ExportedLeaf(leaf.Index, leaf.Entry, leaf.LeafHash));
        }

        writer.WriteEndArray();
        writer.WritePropertyName(Name(nameof(AuditExport.Events)));
        writer.WriteStartArray();
        await using (var command = database.CreateCommand(
            $"select seq_id, id, stream_id, version, type, timestamp, user_name, correlation_id, causation_id, data::text, headers::text from {DatabaseServices.SchemaName}.mt_events order by seq_id"))
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                await Item(new ExportedEvent(reader.GetInt64(0), reader.GetGuid(1).ToString(), reader.GetString(2), reader.GetInt64(3), reader.GetString(4),
                    reader.GetFieldValue<DateTimeOffset>(5), Text(reader, 6), Text(reader, 7), Text(reader, 8), AuditData.WithoutProtected(reader.GetString(9)), Text(reader, 10)));
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await Send();
    }

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
