using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using ElectionPrep.Database;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ElectionPrep.Audit;

/// <summary>
/// A process through round 1 (whose signed minutes take a checkpoint) and one filed dossier; then the log is checked,
/// and the event table is tampered with directly in PostgreSQL, as an insider could.
/// </summary>
public class Verifying_the_audit_log(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private ProcessDriver Driver => new(Host);

    private async Task<AuditExport> LoggedProcess()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        await Driver.File(Process, "Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        return await Export();
    }

    /// <summary>The same data with the candidate's name changed.</summary>
    private static string Renamed(string data)
    {
        var node = JsonNode.Parse(data)!.AsObject();
        var dossier = node.First(pair => string.Equals(pair.Key, "Dossier", StringComparison.OrdinalIgnoreCase)).Value!.AsObject();
        var name = dossier.First(pair => string.Equals(pair.Key, "FullName", StringComparison.OrdinalIgnoreCase)).Key;
        dossier[name] = "Trần Thị Bích";
        return node.ToJsonString();
    }

    /// <summary>The inclusion proof of a leaf in the whole log (it may come after the latest checkpoint).</summary>
    private static string ProofOf(ExportedLeaf leaf, AuditExport export) =>
        $"{Routes.For(Routes.AuditInclusionProof, leaf.Entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))}?treeSize={export.Leaves.Count}";

    private async Task<AuditExport> Export() => (await Host.Read<AuditExport>(Routes.AuditExport))!;

    private async Task Sql(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_dashboard_says_whether_the_stored_tree_still_matches_its_signature()
    {
        await LoggedProcess();
        await Host.Services.GetRequiredService<Accounts.Accounts>().CreateAsync("giam.sat", "mat-khau-du-dai-123", [Workflows.ActorRole.Observer], null, null, CancellationToken.None);
        using var observer = await PageSession.SignInAsync(Host, "giam.sat", "mat-khau-du-dai-123");

        Assert.Contains("Nhật ký khớp với chữ ký", await observer.PageAsync(Routes.Dashboard), StringComparison.Ordinal);

        // The operator rewrites the first stored leaf hashes of the tree, as one would to hide a rewritten event.
        await Sql($"update {DatabaseServices.SchemaName}.mt_doc_audittile set data = jsonb_set(data, '{{Hashes}}', to_jsonb(encode(decode(@zeros, 'hex') || substring(decode(data->>'Hashes', 'base64') from 33), 'base64'))) where id = '0/0'",
            ("zeros", new string('0', 64)));
        Assert.Contains("NHẬT KÝ KHÔNG KHỚP VỚI CHỮ KÝ", await observer.PageAsync(Routes.Dashboard), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leaf_rewritten_in_the_store_fails_its_proof_on_the_timeline()
    {
        await LoggedProcess();
        var entries = await Host.Read<List<AuditTrailEntry>>(Routes.For(Routes.AuditStreamEvents, Process));

        await Sql($"update {DatabaseServices.SchemaName}.mt_doc_auditleaf set data = jsonb_set(data, '{{LeafHash}}', to_jsonb(@hash::text)) where id = @seq",
            ("hash", new string('0', 64)), ("seq", entries[0].Sequence));
        await using var query = Store.QuerySession();
        var proofs = await ProofStatuses.ForAsync(entries, query, Host.Services.GetRequiredService<AuditKeys>(), CancellationToken.None);

        Assert.Equal(ProofState.Failed, proofs[entries[0].Sequence].State);
    }

    [Fact]
    public async Task Every_event_is_a_leaf_of_the_log_in_its_order()
    {
        var export = await LoggedProcess();

        Assert.Equal(export.Events.Select(e => e.Sequence), export.Leaves.Select(leaf => leaf.Entry.Sequence));
        Assert.Equal(Enumerable.Range(0, export.Leaves.Count).Select(i => (long)i), export.Leaves.Select(leaf => leaf.Index));
    }

    [Fact]
    public async Task The_exported_log_passes_the_verifier()
    {
        var verification = AuditVerifier.Verify(await LoggedProcess());

        Assert.True(verification.Valid, string.Join("\n", verification.Problems));
    }

    [Fact]
    public async Task Signed_minutes_take_a_checkpoint()
    {
        var export = await LoggedProcess();

        Assert.Contains(export.Checkpoints, checkpoint => checkpoint.Reason == "minutes-signed");
    }

    [Fact]
    public async Task An_inclusion_proof_verifies_against_the_latest_checkpoint()
    {
        var export = await LoggedProcess();

        var latest = await Host.Read<ExportedCheckpoint>(Routes.AuditLatestCheckpoint);
        var proof = await Host.Read<InclusionProof>($"{Routes.For(Routes.AuditInclusionProof, export.Events[0].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))}");

        Assert.True(MerkleTree.VerifyInclusion(proof!.LeafIndex, proof.TreeSize, Convert.FromHexString(proof.LeafHash),
            proof.Path.Select(Convert.FromHexString).ToList(), Convert.FromHexString(latest!.RootHash)));
    }

    [Fact]
    public async Task A_consistency_proof_verifies_from_the_first_checkpoint_to_the_latest()
    {
        var first = (await LoggedProcess()).Checkpoints[0];
        var latest = await Host.Read<ExportedCheckpoint>(Routes.AuditLatestCheckpoint);

        var consistency = await Host.Read<ConsistencyProof>($"{Routes.AuditConsistencyProof}?first={first.TreeSize}&second={latest!.TreeSize}");

        Assert.True(MerkleTree.VerifyConsistency(first.TreeSize, latest.TreeSize, Convert.FromHexString(first.RootHash), Convert.FromHexString(latest.RootHash),
            consistency!.Path.Select(Convert.FromHexString).ToList()));
    }

    [Fact]
    public async Task Each_event_carries_its_legal_basis_with_the_actors_roles()
    {
        await LoggedProcess();

        await using var session = Store.QuerySession();
        var completed = (await session.Events.FetchStreamAsync(Process)).First(e => e.EventTypeName == "step_completed");
        Assert.Equal("Clerk", completed.Headers?["actor-roles"]?.ToString());
        Assert.Equal("Luật 85/2015/QH13, Điều 9 khoản 1", completed.Headers?["legal-basis"]?.ToString());
        var signed = (await session.Events.FetchStreamAsync(ConsultationConferences.ConsultationConference.IdFor(Process, 1))).Single(e => e.EventTypeName == "minutes_signed");
        Assert.Equal("Luật 85/2015/QH13, Điều 50; NQLT 09/2021/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN", signed.Headers?["legal-basis"]?.ToString());
    }

    [Fact]
    public async Task The_public_key_that_checks_the_checkpoints_is_published()
    {
        await LoggedProcess();

        var publicKey = await (await Host.Scenario(s => s.Get.Url(Routes.AuditPublicKey))).ReadAsTextAsync();

        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", publicKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_inclusion_proof_names_neither_stream_nor_account()
    {
        var export = await LoggedProcess();
        var filed = export.Leaves.Single(leaf => leaf.Entry.EventType == "candidacy_filed");
        var url = ProofOf(filed, export);

        var anonymous = await (await Host.Scenario(s => s.Get.Url(url))).ReadAsTextAsync();
        var proof = JsonSerializer.Deserialize<InclusionProof>(anonymous, Web)!;

        Assert.Null(proof.Entry);
        Assert.Equal((filed.Index, filed.LeafHash), (proof.LeafIndex, proof.LeafHash));
        Assert.NotEmpty(proof.Path);
        Assert.DoesNotContain(filed.Entry.StreamKey, anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain(filed.Entry.UserName!, anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("candidacy_filed", anonymous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_caller_gets_the_entry_with_the_proof()
    {
        var export = await LoggedProcess();
        var filed = export.Leaves.Single(leaf => leaf.Entry.EventType == "candidacy_filed");

        var proof = await Host.Read<InclusionProof>(ProofOf(filed, export));

        Assert.Equal(filed.Entry, proof.Entry);
    }

    [Fact]
    public async Task An_update_of_one_stored_event_is_named_by_the_verifier()
    {
        var export = await LoggedProcess();
        var victim = export.Events.First(e => e.Type == "consultation_process_opened");
        var data = JsonNode.Parse(victim.Data)!.AsObject();
        var name = data.First(pair => pair.Value is JsonValue value && value.TryGetValue<string>(out var text) && text.StartsWith("Phường", StringComparison.Ordinal)).Key;
        data[name] = "Phường Sông Cầu";

        await Sql($"update {DatabaseServices.SchemaName}.mt_events set data = data || @patch::jsonb where seq_id = @seq",
            ("patch", new JsonObject { [name] = "Phường Sông Cầu" }.ToJsonString()), ("seq", victim.Sequence));
        var verification = AuditVerifier.Verify(await Export());

        Assert.False(verification.Valid);
        Assert.Contains(verification.Problems, problem => problem.StartsWith($"ALTERED: event {victim.Sequence} (consultation_process_opened in {Process}", StringComparison.Ordinal));
        Assert.Contains(verification.Problems, problem => problem.StartsWith("ROOT MISMATCH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rewritten_header_is_caught_too()
    {
        var export = await LoggedProcess();
        var victim = export.Events.First(e => e.Type == "step_completed");

        await Sql($"update {DatabaseServices.SchemaName}.mt_events set headers = headers || '{{\"actor-roles\": \"Administrator\"}}'::jsonb where seq_id = @seq",
            ("seq", victim.Sequence));
        var verification = AuditVerifier.Verify(await Export());

        Assert.Contains(verification.Problems, problem => problem.StartsWith($"ALTERED: event {victim.Sequence} (step_completed", StringComparison.Ordinal));
    }

    /// <summary>The next sequence number, a version past the next one, a date long before the process: an operator's insertion after the last event of the process.</summary>
    private async Task<ExportedEvent> SlipInABackDatedEventPastASkippedVersion()
    {
        var export = await LoggedProcess();
        var last = export.Events.Where(e => e.StreamKey == Process).MaxBy(e => e.Version)!;
        var schema = DatabaseServices.SchemaName;
        await Sql($"""
            insert into {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, causation_id, headers, user_name, is_archived)
            select nextval('{schema}.mt_events_sequence'), gen_random_uuid(), stream_id, version + 2, data, type, @at, tenant_id, mt_dotnet_type, correlation_id, causation_id, headers, user_name, is_archived
            from {schema}.mt_events where seq_id = @seq
            """, ("at", new DateTimeOffset(2020, 6, 1, 0, 0, 0, TimeSpan.Zero)), ("seq", last.Sequence));
        return last;
    }

    private static string Spliced(ExportedEvent last, long inserted) =>
        $"SPLICED: stream {Process} version {last.Version + 2} follows version {last.Version} at sequence {inserted}";

    [Fact]
    public async Task A_back_dated_event_slipped_in_past_a_skipped_version_is_named_by_the_verifier()
    {
        var last = await SlipInABackDatedEventPastASkippedVersion();
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var export = await Export();
        var inserted = export.Events.Single(e => e.StreamKey == Process && e.Version == last.Version + 2).Sequence;

        var verification = AuditVerifier.Verify(export);

        Assert.Contains(verification.Problems, problem => problem.StartsWith(Spliced(last, inserted), StringComparison.Ordinal));
        Assert.Contains(verification.Problems, problem => problem.StartsWith($"BACK-DATED: stream {Process} version {last.Version + 2} at sequence {inserted} is dated 2020-06-01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_back_dated_event_slipped_in_past_a_skipped_version_is_recorded_as_findings_by_the_server()
    {
        var last = await SlipInABackDatedEventPastASkippedVersion();

        var findings = await Eventually.Until(() => Host.Read<List<AuditFinding>>(Routes.AuditFindings), found => found.Count >= 2);

        var inserted = findings[0].Sequence;
        Assert.Equal([AuditOrderProblem.BackDated, AuditOrderProblem.Spliced], findings.Select(finding => finding.Kind).Order(StringComparer.Ordinal));
        Assert.All(findings, finding => Assert.Equal((inserted, Process, last.Version + 2), (finding.Sequence, finding.StreamKey, finding.Version)));
        Assert.StartsWith(Spliced(last, inserted), findings.Single(finding => finding.Kind == AuditOrderProblem.Spliced).Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_log_begun_before_the_order_was_checked_finds_nothing_wrong_with_honest_events()
    {
        var before = await LoggedProcess();
        await using (var session = Store.LightweightSession())
        {
            session.DeleteWhere<AuditStreamMark>(_ => true);
            session.Store(new AuditLogHead(AuditLogHead.DocumentId, before.Leaves.Count));
            await session.SaveChangesAsync();
        }

        await Driver.File(Process, "Lê Thị Cúc", "001185000002", "Hội Liên hiệp Phụ nữ");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        Assert.True((await Export()).Leaves.Count > before.Leaves.Count);
        Assert.Empty(await Host.Read<List<AuditFinding>>(Routes.AuditFindings));
    }

    [Fact]
    public async Task The_placeholders_of_a_failed_append_are_logged_without_a_finding()
    {
        await LoggedProcess();
        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream<ConsultationProcesses.ConsultationProcess>(Process, new Candidates.ComplaintRecorded("x", "c", "y", "z", "thu.ky", DateTimeOffset.UtcNow));
            await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
        }

        await Driver.File(Process, "Lê Thị Cúc", "001185000002", "Hội Liên hiệp Phụ nữ");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var export = await Export();

        Assert.Contains(export.Leaves, leaf => leaf.Entry.EventType == "tombstone");
        Assert.Empty(await Host.Read<List<AuditFinding>>(Routes.AuditFindings));
        var verification = AuditVerifier.Verify(export);
        Assert.True(verification.Valid, string.Join("\n", verification.Problems));
    }

    [Fact]
    public async Task An_event_the_server_found_spliced_in_fails_its_proof_on_the_timeline()
    {
        await LoggedProcess();
        var entries = await Host.Read<List<AuditTrailEntry>>(Routes.For(Routes.AuditStreamEvents, Process));
        var spliced = entries[0];
        await using (var session = Store.LightweightSession())
        {
            session.Store(new AuditFinding(AuditFinding.IdFor(AuditOrderProblem.Spliced, spliced.Sequence), AuditOrderProblem.Spliced, spliced.Sequence, Process,
                spliced.Version, "SPLICED", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        await using var query = Store.QuerySession();
        var proofs = await ProofStatuses.ForAsync(entries, query, Host.Services.GetRequiredService<AuditKeys>(), CancellationToken.None);

        Assert.Equal(ProofState.Failed, proofs[spliced.Sequence].State);
        Assert.Equal(ProofState.Verified, proofs[entries[1].Sequence].State);
    }

    [Fact]
    public async Task The_dashboard_shows_what_the_server_found_in_its_log()
    {
        await LoggedProcess();
        await Host.Services.GetRequiredService<Accounts.Accounts>().CreateAsync("giam.sat", "mat-khau-du-dai-123", [Workflows.ActorRole.Observer], null, null, CancellationToken.None);
        using var observer = await PageSession.SignInAsync(Host, "giam.sat", "mat-khau-du-dai-123");
        Assert.DoesNotContain("log-findings", await observer.PageAsync(Routes.Dashboard), StringComparison.Ordinal);

        await using (var session = Store.LightweightSession())
        {
            session.Store(new AuditFinding(AuditFinding.IdFor(AuditOrderProblem.Spliced, 42), AuditOrderProblem.Spliced, 42, Process, 9,
                $"SPLICED: stream {Process} version 9 follows version 7 at sequence 42", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        Assert.Contains($"SPLICED: stream {Process} version 9 follows version 7 at sequence 42", await observer.PageAsync(Routes.Dashboard), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_event_is_named_by_the_verifier()
    {
        var export = await LoggedProcess();
        var victim = export.Events.First(e => e.Type == "step_completed");

        await Sql($"delete from {DatabaseServices.SchemaName}.mt_events where seq_id = @seq", ("seq", victim.Sequence));
        var verification = AuditVerifier.Verify(await Export());

        Assert.False(verification.Valid);
        Assert.Contains(verification.Problems, problem => problem.StartsWith($"DELETED: event {victim.Sequence} (step_completed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Masking_a_candidates_protected_data_leaves_every_proof_valid()
    {
        var export = await LoggedProcess();
        var filed = export.Events.Single(e => e.Type == "candidacy_filed");
        Assert.DoesNotContain("001185000001", filed.Data, StringComparison.Ordinal);

        await Sql($$"""
            update {{DatabaseServices.SchemaName}}.mt_events
            set data = jsonb_set(data, '{Protected}', '{"CitizenId": "***", "ResidenceAddress": "***"}'::jsonb)
            where seq_id = @seq and data ? 'Protected'
            """, ("seq", filed.Sequence));
        var masked = await Export();
        var verification = AuditVerifier.Verify(masked);

        Assert.True(verification.Valid, string.Join("\n", verification.Problems));
        Assert.NotNull(masked.Leaves.Single(leaf => leaf.Entry.Sequence == filed.Sequence).Entry.ProtectedCommitment);
    }

    [Fact]
    public async Task The_command_line_verifier_checks_an_export_without_the_server()
    {
        var export = await LoggedProcess();
        var file = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(export, Web));
        var tampered = JsonSerializer.Serialize(export with
        {
            Events = export.Events.Select(e => e.Type == "candidacy_filed" ? e with { Data = Renamed(e.Data) } : e).ToList(),
        }, Web);
        var tamperedFile = file.Replace(".json", ".tampered.json", StringComparison.Ordinal);
        await File.WriteAllTextAsync(tamperedFile, tampered);
        try
        {
            await using var good = ServerProcess.Start(new Dictionary<string, string>(), "audit-verify", "--file", file);
            await using var bad = ServerProcess.Start(new Dictionary<string, string>(), "audit-verify", "--file", tamperedFile);

            Assert.Equal(0, await good.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains($"VERIFIED: {export.Leaves.Count} events", good.Output, StringComparison.Ordinal);
            Assert.Equal(1, await bad.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("ALTERED: event", bad.Output, StringComparison.Ordinal);
            Assert.Contains("(candidacy_filed in cand-", bad.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
            File.Delete(tamperedFile);
        }
    }
}
