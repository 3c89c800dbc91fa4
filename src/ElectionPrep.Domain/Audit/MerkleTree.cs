using System.Security.Cryptography;

namespace ElectionPrep.Audit;

/// <summary>
/// Cây Merkle của nhật ký kiểm chứng: the append-only Merkle tree of RFC 6962 (§2.1), with leaf and node hashes
/// kept apart by a prefix byte so a leaf can never pass for a node. Proof verification follows RFC 9162 §2.1.3–2.1.4.
/// </summary>
public static class MerkleTree
{
    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    public static byte[] LeafHash(ReadOnlySpan<byte> data)
    {
        var buffer = new byte[data.Length + 1];
        buffer[0] = LeafPrefix;
        data.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var buffer = new byte[1 + left.Length + right.Length];
        buffer[0] = NodePrefix;
        left.CopyTo(buffer.AsSpan(1));
        right.CopyTo(buffer.AsSpan(1 + left.Length));
        return SHA256.HashData(buffer);
    }

    /// <summary>MTH(D[n]) over leaf hashes; the empty tree's root is the hash of nothing.</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes) => RangeHash(leafHashes, new LeafRange(0, leafHashes.Count));

    /// <summary>PATH(m, D[n]): the audit path proving leaf <paramref name="leafIndex"/> is in the first <paramref name="treeSize"/> leaves.</summary>
    public static IReadOnlyList<byte[]> InclusionProof(IReadOnlyList<byte[]> leafHashes, long leafIndex, long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(treeSize, leafHashes.Count);
        return InclusionRanges(leafIndex, treeSize).Select(range => RangeHash(leafHashes, range)).ToList();
    }

    /// <summary>PROOF(m, D[n]): shows the tree of size <paramref name="oldSize"/> is a prefix of the tree of size <paramref name="newSize"/>.</summary>
    public static IReadOnlyList<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leafHashes, long oldSize, long newSize)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newSize, leafHashes.Count);
        return ConsistencyRanges(oldSize, newSize).Select(range => RangeHash(leafHashes, range)).ToList();
    }

    /// <summary>
    /// The leaf ranges whose hashes make PATH(m, D[n]), in proof order. Each range starts at a multiple of a power of two
    /// at least its length, so its hash folds at most log2(n) stored perfect subtrees (<see cref="Cover"/>).
    /// </summary>
    public static IReadOnlyList<LeafRange> InclusionRanges(long leafIndex, long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, treeSize);
        var path = new List<LeafRange>();
        Path(leafIndex, 0, treeSize, path);
        return path;
    }

    /// <summary>The leaf ranges whose hashes make PROOF(m, D[n]), in proof order; empty when there is nothing to prove.</summary>
    public static IReadOnlyList<LeafRange> ConsistencyRanges(long oldSize, long newSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, newSize);
        var proof = new List<LeafRange>();
        if (oldSize > 0 && oldSize < newSize) SubProof(oldSize, 0, newSize, true, proof);
        return proof;
    }

    /// <summary>
    /// The perfect subtrees that make up an aligned range, largest first: one per binary digit of its length. The root
    /// of a tree of size n is the fold of Cover(0, n), so a log that stores each perfect subtree as it completes answers
    /// roots and proofs from O(log n) stored hashes.
    /// </summary>
    public static IReadOnlyList<TreeNode> Cover(LeafRange range)
    {
        var nodes = new List<TreeNode>();
        var start = range.Start;
        for (var level = 62; level >= 0; level--)
        {
            if ((range.Count & (1L << level)) == 0) continue;
            if (start % (1L << level) != 0) throw new ArgumentException($"The range {range} is not aligned to its perfect subtrees.", nameof(range));
            nodes.Add(new TreeNode(level, start >> level));
            start += 1L << level;
        }

        return nodes;
    }

    /// <summary>MTH of a range from its cover's hashes (largest first): folded right to left, as RFC 6962 splits it.</summary>
    public static byte[] Fold(IReadOnlyList<byte[]> coverHashes)
    {
        if (coverHashes.Count == 0) return SHA256.HashData([]);
        var hash = coverHashes[^1];
        for (var i = coverHashes.Count - 2; i >= 0; i--) hash = NodeHash(coverHashes[i], hash);
        return hash;
    }

    /// <summary>RFC 9162 §2.1.3.2: whether <paramref name="proof"/> shows <paramref name="leafHash"/> at <paramref name="leafIndex"/> under <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(long leafIndex, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        if (leafIndex < 0 || leafIndex >= treeSize) return false;
        long fn = leafIndex, sn = treeSize - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = NodeHash(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>RFC 9162 §2.1.4.2: whether <paramref name="proof"/> shows the old tree is a prefix of the new one.</summary>
    public static bool VerifyConsistency(long oldSize, long newSize, ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot, IReadOnlyList<byte[]> proof)
    {
        if (oldSize < 0 || oldSize > newSize) return false;
        if (oldSize == newSize) return proof.Count == 0 && oldRoot.SequenceEqual(newRoot);
        if (oldSize == 0) return proof.Count == 0;
        if (proof.Count == 0) return false;

        var path = proof.ToList();
        if ((oldSize & (oldSize - 1)) == 0) path.Insert(0, oldRoot.ToArray()); // a power of two: the old root is a node of the new tree
        long fn = oldSize - 1, sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        byte[] fr = path[0], sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.AsSpan().SequenceEqual(oldRoot) && sr.AsSpan().SequenceEqual(newRoot);
    }

    private static byte[] RangeHash(IReadOnlyList<byte[]> leaves, LeafRange range)
    {
        if (range.Count == 0) return SHA256.HashData([]);
        if (range.Count == 1) return leaves[(int)range.Start];
        var k = LargestPowerOfTwoBelow(range.Count);
        return NodeHash(RangeHash(leaves, new LeafRange(range.Start, k)), RangeHash(leaves, new LeafRange(range.Start + k, range.Count - k)));
    }

    private static void Path(long m, long start, long count, List<LeafRange> path)
    {
        if (count <= 1) return;
        var k = LargestPowerOfTwoBelow(count);
        if (m < k)
        {
            Path(m, start, k, path);
            path.Add(new LeafRange(start + k, count - k));
        }
        else
        {
            Path(m - k, start + k, count - k, path);
            path.Add(new LeafRange(start, k));
        }
    }

    private static void SubProof(long m, long start, long count, bool complete, List<LeafRange> proof)
    {
        if (m == count)
        {
            if (!complete) proof.Add(new LeafRange(start, count));
            return;
        }

        var k = LargestPowerOfTwoBelow(count);
        if (m <= k)
        {
            SubProof(m, start, k, complete, proof);
            proof.Add(new LeafRange(start + k, count - k));
        }
        else
        {
            SubProof(m - k, start + k, count - k, false, proof);
            proof.Add(new LeafRange(start, k));
        }
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n ≥ 2).</summary>
    private static long LargestPowerOfTwoBelow(long n)
    {
        var k = 1L;
        while (k << 1 < n) k <<= 1;
        return k;
    }
}

/// <summary>The leaves [Start, Start + Count) of the log.</summary>
public readonly record struct LeafRange(long Start, long Count);

/// <summary>
/// Một nút của cây: the perfect subtree of 2^Level leaves starting at leaf Index × 2^Level; level 0 is a leaf. It never
/// changes once its last leaf is in, so it is stored once, as the log grows.
/// </summary>
public readonly record struct TreeNode(int Level, long Index);

/// <summary>
/// Biên phải của cây: the perfect subtrees that make up the whole log, largest first (<see cref="MerkleTree.Cover"/> of
/// [0, size)). Appending a leaf completes the subtrees it closes, which are returned to be stored; the root is their fold.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly List<(TreeNode Node, byte[] Hash)> subtrees;

    private MerkleFrontier(long size, List<(TreeNode, byte[])> subtrees)
    {
        Size = size;
        this.subtrees = subtrees;
    }

    public long Size { get; private set; }

    public static MerkleFrontier Empty => new(0, []);

    /// <summary>The frontier of a log of <paramref name="size"/> leaves from its cover's hashes, largest first.</summary>
    public static MerkleFrontier Of(long size, IReadOnlyList<byte[]> coverHashes)
    {
        var cover = MerkleTree.Cover(new LeafRange(0, size));
        if (cover.Count != coverHashes.Count) throw new ArgumentException($"A log of {size} leaves has {cover.Count} perfect subtrees, not {coverHashes.Count}.", nameof(coverHashes));
        return new MerkleFrontier(size, cover.Zip(coverHashes).ToList());
    }

    public IReadOnlyList<byte[]> Hashes => subtrees.Select(subtree => subtree.Hash).ToList();

    public byte[] Root => MerkleTree.Fold(Hashes);

    /// <summary>Adds the next leaf; returns every perfect subtree it completes, the leaf itself first.</summary>
    public IReadOnlyList<(TreeNode Node, byte[] Hash)> Append(byte[] leafHash)
    {
        var completed = new List<(TreeNode, byte[])> { (new TreeNode(0, Size), leafHash) };
        subtrees.Add((new TreeNode(0, Size), leafHash));
        while (subtrees.Count > 1 && subtrees[^1].Node.Level == subtrees[^2].Node.Level)
        {
            var (left, right) = (subtrees[^2], subtrees[^1]);
            subtrees.RemoveRange(subtrees.Count - 2, 2);
            var merged = (new TreeNode(left.Node.Level + 1, left.Node.Index / 2), MerkleTree.NodeHash(left.Hash, right.Hash));
            subtrees.Add(merged);
            completed.Add(merged);
        }

        Size++;
        return completed;
    }
}

/// <summary>
/// Ô lưu trữ cây: the stored tree in tiles, as the C2SP tlog-tiles layout and Tessera keep it. A tile at tile level L
/// and index N holds, in order, the hashes of up to 256 tree nodes of level 8·L, from node 256·N on; every node in the
/// eight levels above them is folded from at most 128 of those hashes. So a log of n leaves keeps about n/255 tiles,
/// and a node is one tile read away.
/// </summary>
public static class MerkleTiles
{
    public const int Height = 8;
    public const int Width = 1 << Height;

    /// <summary>Whether the node's own hash is kept in a tile (its level is a multiple of the tile height).</summary>
    public static bool IsStored(TreeNode node) => node.Level % Height == 0;

    /// <summary>The tile a node is read from.</summary>
    public static TileAddress TileOf(TreeNode node)
    {
        var (tileLevel, above) = (node.Level / Height, node.Level % Height);
        return new TileAddress(tileLevel, (node.Index << above) / Width);
    }

    /// <summary>The tile a stored node's hash is written to, and its place there.</summary>
    public static (TileAddress Tile, int Position) PlaceOf(TreeNode node)
    {
        if (!IsStored(node)) throw new ArgumentException($"The node {node} is folded from its tile, not stored.", nameof(node));
        return (new TileAddress(node.Level / Height, node.Index / Width), (int)(node.Index % Width));
    }

    /// <summary>The hash of a completed node, from the hashes of the tile it is read from.</summary>
    public static byte[] HashOf(TreeNode node, IReadOnlyList<byte[]> tileHashes)
    {
        var above = node.Level % Height;
        var first = (int)((node.Index << above) % Width);
        var row = tileHashes.Skip(first).Take(1 << above).ToList();
        if (row.Count != 1 << above) throw new InvalidOperationException($"The tile of node {node} holds {tileHashes.Count} hashes: the node is not complete.");
        while (row.Count > 1) row = row.Chunk(2).Select(pair => MerkleTree.NodeHash(pair[0], pair[1])).ToList();
        return row[0];
    }

    /// <summary>The tiles to read for these ranges' hashes.</summary>
    public static IReadOnlySet<TileAddress> TilesFor(IEnumerable<LeafRange> ranges) =>
        ranges.SelectMany(MerkleTree.Cover).Select(TileOf).ToHashSet();

    /// <summary>MTH of a range, folded from its cover's nodes as read from their tiles.</summary>
    public static byte[] RangeHash(LeafRange range, Func<TileAddress, IReadOnlyList<byte[]>> tile) =>
        MerkleTree.Fold(MerkleTree.Cover(range).Select(node => HashOf(node, tile(TileOf(node)))).ToList());
}

/// <summary>A tile: tile level (tree level ÷ 8) and index.</summary>
public readonly record struct TileAddress(int Level, long Index);
