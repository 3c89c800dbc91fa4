using Marten;

namespace ElectionPrep.Audit;

/// <summary>
/// Ô của cây nhật ký: one tile of the stored tree (<see cref="MerkleTiles"/>), its node hashes laid end to end, 32 bytes
/// each. A tile fills as the log grows and never changes once full.
/// </summary>
public sealed record AuditTile(string Id, byte[] Hashes)
{
    private const int HashSize = 32;

    public static string IdFor(TileAddress tile) => $"{tile.Level}/{tile.Index}";

    public int Count => Hashes.Length / HashSize;

    public IReadOnlyList<byte[]> Split() => Hashes.Chunk(HashSize).ToList();

    /// <summary>The tile with the next node's hash added; nodes complete in order, so a hash is only ever added at the end.</summary>
    public AuditTile With(int position, byte[] hash)
    {
        if (position != Count) throw new InvalidOperationException($"Tile {Id} holds {Count} hashes; node {position} cannot be added.");
        return this with { Hashes = [.. Hashes, .. hash] };
    }
}

/// <summary>Reads the stored tree: the hashes of leaf ranges (proof steps and roots) from the few tiles they need.</summary>
public static class AuditTree
{
    /// <summary>Each range's hash, in order; every tile needed is read in one round trip.</summary>
    public static async Task<IReadOnlyList<byte[]>> HashesAsync(IQuerySession session, IReadOnlyList<LeafRange> ranges, CancellationToken cancellation)
    {
        var ids = MerkleTiles.TilesFor(ranges).Select(AuditTile.IdFor).ToArray();
        var tiles = (await session.LoadManyAsync<AuditTile>(cancellation, ids)).ToDictionary(tile => tile.Id, tile => tile.Split());
        return ranges.Select(range => MerkleTiles.RangeHash(range, tile => tiles[AuditTile.IdFor(tile)])).ToList();
    }

    /// <summary>The root of the tree of <paramref name="size"/> leaves.</summary>
    public static async Task<byte[]> RootAsync(IQuerySession session, long size, CancellationToken cancellation) =>
        (await HashesAsync(session, [new LeafRange(0, size)], cancellation))[0];
}

/// <summary>
/// Grows the stored tree as the audit subscription logs leaves: the frontier (kept in the log head) names the subtrees
/// each leaf completes, and every eighth level's nodes go to their tiles. Appending costs O(1) amortised and reads at
/// most one tile per tile level, whatever the log's size.
/// </summary>
public sealed class AuditTreeWriter
{
    private readonly MerkleFrontier frontier;
    private readonly Dictionary<string, AuditTile> tiles = [];
    private readonly IDocumentOperations operations;

    private AuditTreeWriter(MerkleFrontier frontier, IDocumentOperations operations)
    {
        this.frontier = frontier;
        this.operations = operations;
    }

    public byte[] Root => frontier.Root;

    public IReadOnlyList<string> Frontier => frontier.Hashes.Select(Convert.ToHexStringLower).ToList();

    /// <summary>
    /// The tree as the head left it. A log begun before the tree was stored has leaves but no frontier: its tree is built
    /// once from every leaf, in order.
    /// </summary>
    public static async Task<AuditTreeWriter> OpenAsync(IDocumentOperations operations, AuditLogHead head, CancellationToken cancellation)
    {
        if (head.Frontier is not null || head.Size == 0)
        {
            return new AuditTreeWriter(MerkleFrontier.Of(head.Size, [.. (head.Frontier ?? []).Select(Convert.FromHexString)]), operations);
        }

        var writer = new AuditTreeWriter(MerkleFrontier.Empty, operations);
        var leaves = await operations.Query<AuditLeaf>().Where(leaf => leaf.Index < head.Size).OrderBy(leaf => leaf.Index).Select(leaf => leaf.LeafHash).ToListAsync(cancellation);
        foreach (var leaf in leaves) await writer.AppendAsync(Convert.FromHexString(leaf), rebuilding: true, cancellation);
        return writer;
    }

    public Task AppendAsync(byte[] leafHash, CancellationToken cancellation) => AppendAsync(leafHash, rebuilding: false, cancellation);

    /// <summary>Stores every tile this page changed, in the page's transaction.</summary>
    public void Store()
    {
        foreach (var tile in tiles.Values) operations.Store(tile);
    }

    private async Task AppendAsync(byte[] leafHash, bool rebuilding, CancellationToken cancellation)
    {
        foreach (var (node, hash) in frontier.Append(leafHash).Where(completed => MerkleTiles.IsStored(completed.Node)))
        {
            var (address, position) = MerkleTiles.PlaceOf(node);
            var id = AuditTile.IdFor(address);
            // Rebuilding starts every tile afresh: what an earlier tree left there is written over.
            var tile = tiles.GetValueOrDefault(id)
                ?? (rebuilding || position == 0 ? null : await operations.LoadAsync<AuditTile>(id, cancellation))
                ?? new AuditTile(id, []);
            tiles[id] = tile.With(position, hash);
        }
    }
}
