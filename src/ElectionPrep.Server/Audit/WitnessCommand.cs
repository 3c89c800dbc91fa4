using System.Net;
using System.Net.Http.Json;
using ElectionPrep.Http;
using JasperFx.CommandLine;

namespace ElectionPrep.Audit;

public class WitnessInput
{
    [Description("The server whose log to witness, e.g. http://127.0.0.1:5080")]
    public string ServerFlag { get; set; } = "";

    [Description("The folder where the witness keeps the log's pinned key and the last checkpoint it accepted")]
    public string StateFlag { get; set; } = "";
}

/// <summary>
/// An observer's witness, run against a server as often as they like (e.g. from cron): it pins the log's key on first
/// run and from then on accepts a new checkpoint only when a consistency proof shows it extends the last one accepted.
/// Exit code 1 and the reason when the log rolled back, forked or changed its key.
/// </summary>
[Description("Witness a server's audit log: keep its checkpoints, verify each new one by a consistency proof, report a fork or rollback", Name = "witness")]
public class WitnessCommand : JasperFxAsyncCommand<WitnessInput>
{
    public override async Task<bool> Execute(WitnessInput input)
    {
        if (!Uri.TryCreate(input.ServerFlag, UriKind.Absolute, out var server) || input.StateFlag.Length == 0)
        {
            await Console.Error.WriteLineAsync("Usage: witness --server <url> --state <folder>");
            return false;
        }

        using var client = new HttpClient { BaseAddress = server };
        var report = await WitnessRun.RunAsync(client, input.StateFlag, CancellationToken.None);
        Console.WriteLine(report.Message);
        return report.Accepted;
    }
}

/// <summary>One witnessing run: fetch, judge (<see cref="Witness"/>), and keep the checkpoint when accepted.</summary>
public static class WitnessRun
{
    private const string KeyFile = "key.pem";
    private const string CheckpointFile = "checkpoint";
    private const string HistoryFile = "witness.log";

    public static async Task<WitnessReport> RunAsync(HttpClient server, string stateFolder, CancellationToken cancellation)
    {
        Directory.CreateDirectory(stateFolder);
        var keyPath = Path.Combine(stateFolder, KeyFile);
        var checkpointPath = Path.Combine(stateFolder, CheckpointFile);
        var pinned = File.Exists(keyPath) ? await File.ReadAllTextAsync(keyPath, cancellation) : await server.GetStringAsync(Routes.AuditPublicKey, cancellation);
        var origin = CheckpointNote.OriginOf(pinned);

        var last = File.Exists(checkpointPath) ? CheckpointNote.Parse(await File.ReadAllTextAsync(checkpointPath, cancellation))?.Checkpoint : null;
        using var response = await server.GetAsync(Routes.AuditLatestCheckpointNote, cancellation);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return await KeptAsync(stateFolder, last is null
                ? new WitnessReport(WitnessVerdict.Unchanged, "NO CHECKPOINT: the log has not signed one yet")
                : new WitnessReport(WitnessVerdict.Rollback, $"ROLLBACK: the log shows no checkpoint, after it showed size {last.TreeSize}"), cancellation);
        }

        response.EnsureSuccessStatusCode();
        if (CheckpointNote.Parse(await response.Content.ReadAsStringAsync(cancellation)) is not ({ } shownOrigin, { } next))
        {
            return await KeptAsync(stateFolder, new WitnessReport(WitnessVerdict.BadSignature, "BAD CHECKPOINT: the server's answer is not a checkpoint note"), cancellation);
        }

        if (shownOrigin != origin)
        {
            return await KeptAsync(stateFolder, new WitnessReport(WitnessVerdict.BadSignature, $"OTHER LOG: the checkpoint is of {shownOrigin}, not of the pinned {origin}"), cancellation);
        }

        var proof = last is not null && next.TreeSize > last.TreeSize
            ? (await server.GetFromJsonAsync<ConsistencyProof>($"{Routes.AuditConsistencyProof}?first={last.TreeSize}&second={next.TreeSize}", cancellation))!
                .Path.Select(Convert.FromHexString).ToList()
            : null;
        var report = Witness.Judge(pinned, last, next, proof);

        if (report.Accepted)
        {
            await File.WriteAllTextAsync(keyPath, pinned, cancellation);
            await File.WriteAllTextAsync(checkpointPath, CheckpointNote.Format(origin, next), cancellation);
        }

        return await KeptAsync(stateFolder, report, cancellation);
    }

    /// <summary>Adds the run's conclusion to the witness's history.</summary>
    private static async Task<WitnessReport> KeptAsync(string stateFolder, WitnessReport report, CancellationToken cancellation)
    {
        await File.AppendAllTextAsync(Path.Combine(stateFolder, HistoryFile), $"{DateTimeOffset.UtcNow:O} {report.Message}\n", cancellation);
        return report;
    }
}
