using Alba;
using ElectionPrep.Database;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Marten;
using Marten.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ElectionPrep.Audit;

/// <summary>
/// Exports leave protected data out, so only the server can hold it against the salted commitment in the log: an
/// operator's edit of a citizen ID is named by sequence and stream, and data masked on purpose is not an edit.
/// </summary>
public class Checking_protected_data_against_the_log(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";
    private const string CitizenId = "001185000001";
    private const string Forged = "001185999999";

    private ProcessDriver Driver => new(Host);

    /// <summary>The leaves of the filed dossiers, once logged.</summary>
    private async Task<IReadOnlyList<AuditLeaf>> Filed(params string[] citizenIds)
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        foreach (var citizenId in citizenIds) await Driver.File(Process, "Trần Thị Ánh", citizenId, "Hội Liên hiệp Phụ nữ");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        await using var session = Store.QuerySession();
        return await session.Query<AuditLeaf>().Where(leaf => leaf.Entry.EventType == "candidacy_filed").OrderBy(leaf => leaf.Id).ToListAsync();
    }

    private async Task Sql(string sql, long sequence)
    {
        await using var command = Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        command.Parameters.AddWithValue("seq", sequence);
        await command.ExecuteNonQueryAsync();
    }

    private Task ForgeCitizenId(long sequence) =>
        Sql($"update {DatabaseServices.SchemaName}.mt_events set data = jsonb_set(data, '{{Protected,CitizenId}}', '\"{Forged}\"') where seq_id = @seq", sequence);

    [Fact]
    public async Task A_citizen_id_changed_in_the_event_table_is_named_by_its_event_without_its_value()
    {
        var filed = (await Filed(CitizenId))[0];

        await ForgeCitizenId(filed.Id);
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"{Routes.AuditProtectedCommitments}?from={filed.Id}&to={filed.Id}");
            s.WithBearerToken(TestUsers.Observer);
        });
        var report = (await result.ReadAsJsonAsync<ProtectedCommitmentReport>())!;

        Assert.Equal([new ProtectedDataEvent(filed.Id, filed.Entry.StreamKey, filed.Entry.Version, "candidacy_filed")], report.Mismatches);
        Assert.Equal((1, 0), (report.Checked, report.Matching));
        var text = await result.ReadAsTextAsync();
        Assert.DoesNotContain(Forged, text, StringComparison.Ordinal);
        Assert.DoesNotContain(CitizenId, text, StringComparison.Ordinal);
    }

    /// <summary>Two dossiers filed, the first hidden by <paramref name="hide"/>; the report over both.</summary>
    private async Task<(IReadOnlyList<AuditLeaf> Filed, ProtectedCommitmentReport Report)> ReportWithTheFirstOfTwoHidden(Func<AuditLeaf, Task> hide)
    {
        var filed = await Filed(CitizenId, "001185000002");
        await hide(filed[0]);
        return (filed, (await Host.Read<ProtectedCommitmentReport>(Routes.AuditProtectedCommitments))!);
    }

    [Fact]
    public async Task Masked_data_is_reported_as_masked_not_as_a_mismatch()
    {
        var (filed, report) = await ReportWithTheFirstOfTwoHidden(leaf => Sql($$"""
            update {{DatabaseServices.SchemaName}}.mt_events
            set data = jsonb_set(data, '{Protected}', '{"CitizenId": "***", "ResidenceAddress": "***", "Phone": "***", "Email": null}'::jsonb)
            where seq_id = @seq
            """, leaf.Id));

        Assert.Empty(report.Mismatches);
        Assert.Equal([filed[0].Id], report.Masked.Select(e => e.Sequence));
        Assert.Equal(1, report.Matching);
    }

    [Fact]
    public async Task A_deleted_salt_is_reported_as_masked_not_as_a_mismatch()
    {
        var (filed, report) = await ReportWithTheFirstOfTwoHidden(async leaf =>
        {
            await using var session = Store.LightweightSession();
            session.Delete<AuditSalt>(leaf.Entry.EventId);
            await session.SaveChangesAsync();
        });

        Assert.Empty(report.Mismatches);
        Assert.Equal([filed[0].Id], report.Masked.Select(e => e.Sequence));
        Assert.Equal(1, report.Matching);
    }

    [Fact]
    public async Task A_log_read_one_leaf_a_page_finds_the_mismatch_beyond_the_first_page()
    {
        var filed = await Filed(CitizenId, "001185000002", "001185000003");
        await ForgeCitizenId(filed[2].Id);

        await using var session = Store.QuerySession();
        var report = await ProtectedCommitmentReport.CheckAsync(session, Host.Services.GetRequiredService<NpgsqlDataSource>(), 1, long.MaxValue,
            CancellationToken.None, pageSize: 1);

        Assert.Equal((3, 2), (report.Checked, report.Matching));
        Assert.Equal([filed[2].Id], report.Mismatches.Select(e => e.Sequence));
    }

    [Fact]
    public async Task The_scheduled_check_records_a_mismatch_as_a_finding_for_observers()
    {
        var filed = (await Filed(CitizenId))[0];
        await ForgeCitizenId(filed.Id);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:ProtectedCommitmentCheckInterval"] = "00:00:00.1" })
            .Build();
        using var watch = new ProtectedCommitmentWatch(Store, Host.Services.GetRequiredService<NpgsqlDataSource>(), Clock, configuration,
            NullLogger<ProtectedCommitmentWatch>.Instance);

        await watch.StartAsync(CancellationToken.None);
        var findings = await Eventually.Until(() => Host.Read<List<AuditFinding>>(Routes.AuditFindings), found => found.Count > 0);
        await watch.StopAsync(CancellationToken.None);

        var finding = Assert.Single(findings);
        Assert.Equal((AuditFinding.ProtectedMismatch, filed.Id, filed.Entry.StreamKey), (finding.Kind, finding.Sequence, finding.StreamKey));
        Assert.StartsWith($"PROTECTED DATA CHANGED: event {filed.Id} (candidacy_filed in {filed.Entry.StreamKey}", finding.Description, StringComparison.Ordinal);
        Assert.Equal(Clock.GetUtcNow(), finding.FoundAt);
    }
}
