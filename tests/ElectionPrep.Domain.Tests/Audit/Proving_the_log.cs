using FsCheck.Xunit;

namespace ElectionPrep.Audit;

public class Proving_the_log
{
    /// <summary>The Certificate Transparency test leaves (hex) and the roots of their first 1…8 leaves (RFC 6962 reference data).</summary>
    private static readonly string[] Leaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    public static TheoryData<int, string> Roots => new()
    {
        { 1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d" },
        { 2, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125" },
        { 3, "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77" },
        { 4, "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7" },
        { 5, "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4" },
        { 6, "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef" },
        { 7, "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c" },
        { 8, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328" },
    };

    private static List<byte[]> Hashes(int count) => [.. Leaves.Take(count).Select(hex => MerkleTree.LeafHash(Convert.FromHexString(hex)))];

    private static List<byte[]> Generated(int count) => [.. Enumerable.Range(0, count).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i)))];

    [Theory]
    [MemberData(nameof(Roots))]
    public void The_root_matches_the_reference_trees(int size, string root) =>
        Assert.Equal(root, Convert.ToHexStringLower(MerkleTree.Root(Hashes(size))));

    [Fact]
    public void The_empty_tree_is_the_hash_of_nothing() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(MerkleTree.Root([])));

    [Fact]
    public void A_leaf_and_a_node_with_the_same_bytes_hash_differently()
    {
        var pair = MerkleTree.NodeHash(new byte[32], new byte[32]);

        Assert.NotEqual(pair, MerkleTree.LeafHash(new byte[64]));
    }

    [Property(MaxTest = 200)]
    public bool Every_leaf_proves_its_inclusion_and_a_changed_proof_or_leaf_does_not(byte size, byte index)
    {
        var n = 1 + (size % 70);
        var m = index % n;
        var leaves = Generated(n);
        var root = MerkleTree.Root(leaves);
        var proof = MerkleTree.InclusionProof(leaves, m, n);

        var tamperedLeaf = MerkleTree.LeafHash([42, 42]);
        var tamperedProof = proof.Select((hash, i) => i == 0 ? MerkleTree.LeafHash(hash) : hash).ToList();
        return MerkleTree.VerifyInclusion(m, n, leaves[m], proof, root)
            && !MerkleTree.VerifyInclusion(m, n, tamperedLeaf, proof, root)
            && (proof.Count == 0 || !MerkleTree.VerifyInclusion(m, n, leaves[m], tamperedProof, root))
            && (n == 1 || !MerkleTree.VerifyInclusion((m + 1) % n, n, leaves[m], proof, root));
    }

    [Property(MaxTest = 200)]
    public bool Every_earlier_tree_is_proved_a_prefix_and_a_rewritten_history_is_not(byte oldSize, byte newSize)
    {
        var n = 1 + (newSize % 70);
        var m = 1 + (oldSize % n);
        var leaves = Generated(n);
        var proof = MerkleTree.ConsistencyProof(leaves, m, n);
        var oldRoot = MerkleTree.Root(leaves.Take(m).ToList());
        var newRoot = MerkleTree.Root(leaves);

        var rewritten = leaves.Select((hash, i) => i == 0 ? MerkleTree.LeafHash([7]) : hash).ToList();
        var rewrittenRoot = MerkleTree.Root(rewritten);
        return MerkleTree.VerifyConsistency(m, n, oldRoot, newRoot, proof)
            && (m == n || !MerkleTree.VerifyConsistency(m, n, oldRoot, rewrittenRoot, proof))
            && (m == n || !MerkleTree.VerifyConsistency(m, n, MerkleTree.Root(rewritten.Take(m).ToList()), newRoot, proof));
    }

    /// <summary>Known-answer proofs over the reference leaves (transparency-dev/merkle, testonly/reference_test.go): size, index, path.</summary>
    public static TheoryData<int, int, string[]> InclusionProofs => new()
    {
        { 1, 0, [] },
        { 2, 0, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"] },
        { 2, 1, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"] },
        { 3, 2, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
        { 5, 1, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
        { 8, 0, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 8, 5, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
    };

    /// <summary>Known-answer consistency proofs over the same leaves: old size, new size, path.</summary>
    public static TheoryData<int, int, string[]> ConsistencyProofs => new()
    {
        { 1, 1, [] },
        { 1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"] },
        { 2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"] },
        { 6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"] },
    };

    [Theory]
    [MemberData(nameof(InclusionProofs))]
    public void An_inclusion_proof_is_the_reference_path(int size, int index, string[] path) =>
        Assert.Equal(path, MerkleTree.InclusionProof(Hashes(size), index, size).Select(Convert.ToHexStringLower));

    [Theory]
    [MemberData(nameof(ConsistencyProofs))]
    public void A_consistency_proof_is_the_reference_path(int oldSize, int newSize, string[] path) =>
        Assert.Equal(path, MerkleTree.ConsistencyProof(Hashes(newSize), oldSize, newSize).Select(Convert.ToHexStringLower));

    [Fact]
    public void Every_proof_over_the_reference_trees_verifies()
    {
        var leaves = Hashes(8);
        var root = MerkleTree.Root(leaves);

        for (var size = 1; size <= 8; size++)
        {
            var tree = leaves.Take(size).ToList();
            var treeRoot = MerkleTree.Root(tree);
            for (var index = 0; index < size; index++)
            {
                Assert.True(MerkleTree.VerifyInclusion(index, size, leaves[index], MerkleTree.InclusionProof(tree, index, size), treeRoot));
            }

            Assert.True(MerkleTree.VerifyConsistency(size, 8, treeRoot, root, MerkleTree.ConsistencyProof(leaves, size, 8)));
        }
    }
}
