using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.Audit;

/// <summary>
/// An observer's witness run against the server: it keeps the checkpoints it accepted and catches the operator who
/// takes the log back or rewrites a checkpoint, even one signed with the log's own key.
/// </summary>
public sealed class Witnessing_the_log(AppFixture fixture) : IntegrationContext(fixture), IDisposable
{
    private readonly string state = Directory.CreateTempSubdirectory("witness-").FullName;

    public void Dispose() => Directory.Delete(state, recursive: true);

    /// <summary>Round 1 signed (a checkpoint after the first), and a dossier filed; the log caught up.</summary>
    private async Task<AuditExport> LoggedProcess()
    {
        var driver = new ProcessDriver(Host);
        var process = await driver.OpenForDossiers("commune-council", "01834");
        await driver.File(process, "Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        return (await Host.Read<AuditExport>(Routes.AuditExport))!;
    }

    private async Task<ExportedCheckpoint> Accepted() =>
        CheckpointNote.Parse(await File.ReadAllTextAsync(Path.Combine(state, "checkpoint")))!.Value.Checkpoint;

    private Task<WitnessReport> Witness() => WitnessRun.RunAsync(Host.Server.CreateClient(), state, CancellationToken.None);

    /// <summary>What the witness would hold had it run when the log had only its first <paramref name="size"/> leaves.</summary>
    private async Task<ExportedCheckpoint> SawEarlier(AuditExport export, int size)
    {
        var root = Convert.ToHexStringLower(MerkleTree.Root(export.Leaves.Take(size).Select(leaf => Convert.FromHexString(leaf.LeafHash)).ToList()));
        var at = export.Checkpoints[0].Timestamp;
        var signature = await Host.Services.GetRequiredService<AuditKeys>().SignAsync(AuditVerifier.SignedText(size, root, at), CancellationToken.None);
        var earlier = new ExportedCheckpoint(size, root, at, "first", signature);
        await File.WriteAllTextAsync(Path.Combine(state, "key.pem"), export.PublicKeyPem);
        await File.WriteAllTextAsync(Path.Combine(state, "checkpoint"), CheckpointNote.Format(CheckpointNote.OriginOf(export.PublicKeyPem), earlier));
        return earlier;
    }

    [Fact]
    public async Task A_first_run_pins_the_key()
    {
        var export = await LoggedProcess();

        var report = await Witness();

        Assert.Equal(WitnessVerdict.FirstSeen, report.Verdict);
        Assert.Equal(export.PublicKeyPem, await File.ReadAllTextAsync(Path.Combine(state, "key.pem")));
    }

    [Fact]
    public async Task A_first_run_keeps_the_latest_checkpoint()
    {
        await LoggedProcess();

        await Witness();

        Assert.Contains(await Accepted(), (await Host.Read<List<ExportedCheckpoint>>(Routes.AuditCheckpoints))!);
    }

    [Fact]
    public async Task A_grown_log_is_accepted_by_its_consistency_proof()
    {
        var export = await LoggedProcess();
        var earlier = await SawEarlier(export, 3);

        var report = await Witness();

        Assert.Equal(WitnessVerdict.Extended, report.Verdict);
        Assert.True((await Accepted()).TreeSize > earlier.TreeSize);
    }

    [Fact]
    public async Task An_operator_who_deletes_the_latest_checkpoint_is_caught_rolling_back()
    {
        await LoggedProcess();
        await Witness();
        var accepted = await Accepted();
        await using (var session = Store.LightweightSession())
        {
            session.Delete<AuditCheckpoint>(accepted.TreeSize);
            await session.SaveChangesAsync();
        }

        var report = await Witness();

        Assert.Equal(WitnessVerdict.Rollback, report.Verdict);
        Assert.Equal(accepted, await Accepted());
    }

    [Fact]
    public async Task An_operator_who_re_signs_a_checkpoint_over_another_root_is_caught_forking()
    {
        await LoggedProcess();
        await Witness();
        var latest = await Accepted();
        var forgedRoot = new string('a', 64);
        var keys = Host.Services.GetRequiredService<AuditKeys>();
        await using (var session = Store.LightweightSession())
        {
            session.Store(new AuditCheckpoint(latest.TreeSize, forgedRoot, latest.Timestamp, latest.Reason,
                await keys.SignAsync(AuditVerifier.SignedText(latest.TreeSize, forgedRoot, latest.Timestamp), CancellationToken.None)));
            await session.SaveChangesAsync();
        }

        var report = await Witness();

        Assert.Equal(WitnessVerdict.Fork, report.Verdict);
    }

    [Fact]
    public async Task Every_run_is_kept_in_the_witness_history()
    {
        await LoggedProcess();

        await Witness();
        await Witness();

        var history = await File.ReadAllLinesAsync(Path.Combine(state, "witness.log"));
        Assert.Collection(history, first => Assert.Contains("FIRST SEEN", first, StringComparison.Ordinal), second => Assert.Contains("UNCHANGED", second, StringComparison.Ordinal));
    }
}
