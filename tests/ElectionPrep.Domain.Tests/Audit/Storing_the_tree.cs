using FsCheck.Xunit;

namespace ElectionPrep.Audit;

/// <summary>
/// The log stores each perfect subtree as it completes, so roots and proofs are folded from O(log n) stored nodes; they
/// must be the very hashes RFC 6962 computes from all the leaves.
/// </summary>
public class Storing_the_tree
{
    private static List<byte[]> Leaves(int count) => [.. Enumerable.Range(0, count).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i)))];

    /// <summary>Appends the leaves one by one and keeps every node the frontier says it completed, as the log's table does.</summary>
    private static (MerkleFrontier Frontier, Dictionary<TreeNode, byte[]> Nodes) Grown(IEnumerable<byte[]> leaves)
    {
        var frontier = MerkleFrontier.Empty;
        var nodes = new Dictionary<TreeNode, byte[]>();
        foreach (var leaf in leaves)
        {
            foreach (var (node, hash) in frontier.Append(leaf)) Assert.True(nodes.TryAdd(node, hash), $"the node {node} is completed twice");
        }

        return (frontier, nodes);
    }

    private static byte[] FromNodes(Dictionary<TreeNode, byte[]> nodes, LeafRange range) =>
        MerkleTree.Fold(MerkleTree.Cover(range).Select(node => nodes[node]).ToList());

    [Property(MaxTest = 200)]
    public bool The_frontier_root_is_the_root_of_all_the_leaves(ushort size)
    {
        var leaves = Leaves(size % 600);

        return Grown(leaves).Frontier.Root.AsSpan().SequenceEqual(MerkleTree.Root(leaves));
    }

    [Property(MaxTest = 200)]
    public bool The_root_of_any_earlier_size_folds_from_stored_nodes(ushort size, ushort earlier)
    {
        var leaves = Leaves(1 + (size % 600));
        var m = earlier % (leaves.Count + 1);

        return FromNodes(Grown(leaves).Nodes, new LeafRange(0, m)).AsSpan().SequenceEqual(MerkleTree.Root(leaves.Take(m).ToList()));
    }

    [Property(MaxTest = 200)]
    public bool An_inclusion_proof_from_stored_nodes_is_the_proof_from_all_leaves(ushort size, ushort index)
    {
        var leaves = Leaves(1 + (size % 600));
        var n = leaves.Count;
        var m = index % n;
        var nodes = Grown(leaves).Nodes;

        var stored = MerkleTree.InclusionRanges(m, n).Select(range => FromNodes(nodes, range)).ToList();
        return stored.Zip(MerkleTree.InclusionProof(leaves, m, n)).All(pair => pair.First.AsSpan().SequenceEqual(pair.Second))
            && stored.Count == MerkleTree.InclusionProof(leaves, m, n).Count;
    }

    [Property(MaxTest = 200)]
    public bool A_consistency_proof_from_stored_nodes_is_the_proof_from_all_leaves(ushort size, ushort older)
    {
        var leaves = Leaves(1 + (size % 600));
        var n = leaves.Count;
        var m = older % (n + 1);
        var nodes = Grown(leaves).Nodes;

        var stored = MerkleTree.ConsistencyRanges(m, n).Select(range => FromNodes(nodes, range)).ToList();
        var expected = MerkleTree.ConsistencyProof(leaves, m, n);
        return stored.Count == expected.Count && stored.Zip(expected).All(pair => pair.First.AsSpan().SequenceEqual(pair.Second));
    }

    /// <summary>The tiles the log writes: each stored node's hash appended to its tile, in the order the frontier completes them.</summary>
    private static Dictionary<TileAddress, List<byte[]>> Tiled(IEnumerable<byte[]> leaves)
    {
        var frontier = MerkleFrontier.Empty;
        var tiles = new Dictionary<TileAddress, List<byte[]>>();
        foreach (var (node, hash) in leaves.SelectMany(frontier.Append).Where(pair => MerkleTiles.IsStored(pair.Node)))
        {
            var (tile, position) = MerkleTiles.PlaceOf(node);
            var row = tiles.TryGetValue(tile, out var existing) ? existing : tiles[tile] = [];
            Assert.Equal(row.Count, position);
            row.Add(hash);
        }

        return tiles;
    }

    [Property(MaxTest = 100)]
    public bool Every_proof_range_folds_from_the_tiles_as_from_all_leaves(ushort size, ushort index, ushort older)
    {
        // Past a tile's width and a second tile level's first node, where tiles nest.
        var leaves = Leaves(1 + (size % 70_000));
        var n = leaves.Count;
        var tiles = Tiled(leaves);
        var ranges = MerkleTree.InclusionRanges(index % n, n).Concat(MerkleTree.ConsistencyRanges(older % (n + 1), n)).Append(new LeafRange(0, n));

        return ranges.All(range => MerkleTiles.RangeHash(range, tile => tiles[tile]).AsSpan()
            .SequenceEqual(MerkleTree.Root(leaves.Skip((int)range.Start).Take((int)range.Count).ToList())));
    }

    [Fact]
    public void A_log_keeps_about_one_tile_per_255_leaves()
    {
        var tiles = Tiled(Leaves(70_000));

        Assert.Equal(274 + 2 + 1, tiles.Count); // leaves; level-8 nodes; the one level-16 node
        Assert.All(tiles.Values, row => Assert.InRange(row.Count, 1, MerkleTiles.Width));
    }

    [Fact]
    public void A_proof_reads_no_more_stored_nodes_than_twice_the_tree_height_squared()
    {
        const long size = 4_000_000;
        var height = (int)Math.Ceiling(Math.Log2(size));

        var reads = MerkleTree.InclusionRanges(1_234_567, size).Concat(MerkleTree.ConsistencyRanges(3_000_001, size))
            .Sum(range => MerkleTree.Cover(range).Count);

        Assert.InRange(reads, 1, 2 * height * height);
    }

    [Fact]
    public void Appending_a_leaf_completes_one_node_per_trailing_one_of_its_index()
    {
        var frontier = Grown(Leaves(7)).Frontier;

        var completed = frontier.Append(MerkleTree.LeafHash([7]));

        Assert.Equal([new TreeNode(0, 7), new TreeNode(1, 3), new TreeNode(2, 1), new TreeNode(3, 0)], completed.Select(pair => pair.Node));
    }

    [Fact]
    public void A_frontier_rebuilt_from_its_hashes_goes_on_as_the_original()
    {
        var (original, _) = Grown(Leaves(11));
        var rebuilt = MerkleFrontier.Of(original.Size, original.Hashes);

        original.Append(MerkleTree.LeafHash([11]));
        rebuilt.Append(MerkleTree.LeafHash([11]));

        Assert.Equal(original.Root, rebuilt.Root);
    }
}
