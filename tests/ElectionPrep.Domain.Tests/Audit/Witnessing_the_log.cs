using System.Security.Cryptography;

namespace ElectionPrep.Audit;

public sealed class Witnessing_the_log : IDisposable
{
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly List<byte[]> leaves = [.. Enumerable.Range(0, 40).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i)))];

    private string PublicKey => key.ExportSubjectPublicKeyInfoPem();

    public void Dispose() => key.Dispose();

    private ExportedCheckpoint Signed(long size, string? root = null, ECDsa? by = null)
    {
        var at = new DateTimeOffset(2021, 3, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(size);
        root ??= Convert.ToHexStringLower(MerkleTree.Root(leaves.Take((int)size).ToList()));
        return new ExportedCheckpoint(size, root, at, "daily",
            Convert.ToBase64String((by ?? key).SignData(AuditVerifier.SignedText(size, root, at), HashAlgorithmName.SHA256)));
    }

    private List<byte[]> Consistency(long from, long to) => [.. MerkleTree.ConsistencyProof(leaves, from, to)];

    [Fact]
    public void The_first_checkpoint_seen_is_accepted()
    {
        var report = Witness.Judge(PublicKey, null, Signed(10), null);

        Assert.Equal(WitnessVerdict.FirstSeen, report.Verdict);
        Assert.True(report.Accepted);
    }

    [Fact]
    public void A_larger_tree_proved_consistent_extends_the_last_one()
    {
        var report = Witness.Judge(PublicKey, Signed(10), Signed(37), Consistency(10, 37));

        Assert.Equal(WitnessVerdict.Extended, report.Verdict);
    }

    [Fact]
    public void The_same_checkpoint_again_is_unchanged()
    {
        Assert.Equal(WitnessVerdict.Unchanged, Witness.Judge(PublicKey, Signed(10), Signed(10), null).Verdict);
    }

    [Fact]
    public void A_smaller_tree_than_one_seen_is_a_rollback()
    {
        var report = Witness.Judge(PublicKey, Signed(37), Signed(10), null);

        Assert.Equal(WitnessVerdict.Rollback, report.Verdict);
        Assert.False(report.Accepted);
    }

    [Fact]
    public void The_same_size_with_another_root_is_a_fork()
    {
        var rewritten = Signed(10, Convert.ToHexStringLower(MerkleTree.Root([.. leaves.Take(9), MerkleTree.LeafHash([9, 9])])));

        Assert.Equal(WitnessVerdict.Fork, Witness.Judge(PublicKey, Signed(10), rewritten, null).Verdict);
    }

    [Fact]
    public void A_larger_tree_that_does_not_extend_the_last_one_is_a_fork()
    {
        List<byte[]> otherHistory = [MerkleTree.LeafHash([1]), .. leaves.Skip(1)];
        var forked = Signed(37, Convert.ToHexStringLower(MerkleTree.Root(otherHistory.Take(37).ToList())));

        var report = Witness.Judge(PublicKey, Signed(10), forked, [.. MerkleTree.ConsistencyProof(otherHistory, 10, 37)]);

        Assert.Equal(WitnessVerdict.Fork, report.Verdict);
    }

    [Fact]
    public void A_checkpoint_signed_by_another_key_is_refused()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Equal(WitnessVerdict.BadSignature, Witness.Judge(PublicKey, Signed(10), Signed(37, by: other), Consistency(10, 37)).Verdict);
    }

    [Fact]
    public void A_checkpoint_note_reads_back_as_the_checkpoint_it_was_written_from()
    {
        var checkpoint = Signed(37);
        var origin = CheckpointNote.OriginOf(PublicKey);

        var note = CheckpointNote.Format(origin, checkpoint);

        Assert.Equal((origin, checkpoint), CheckpointNote.Parse(note));
        Assert.StartsWith($"{origin}\n37\n", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_a_checkpoint_note_reads_as_nothing()
    {
        Assert.Null(CheckpointNote.Parse("electionprep/abc\nforty\nAAAA\n"));
    }
}
