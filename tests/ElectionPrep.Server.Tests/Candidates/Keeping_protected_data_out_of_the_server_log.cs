using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Terms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ElectionPrep.Candidates;

/// <summary>
/// Failed appends carry a candidate's protected data in their parameters: neither a lost race nor a value PostgreSQL
/// refuses may put it in the server's log.
/// </summary>
public class Keeping_protected_data_out_of_the_server_log(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";

    private ProcessDriver Driver => new(Host);

    private CapturedLogs Capture() => CapturedLogs.AttachTo(Host.Services.GetRequiredService<ILoggerFactory>());

    /// <summary>The value as it is written, and as JSON with its non-ASCII letters escaped, as a serializer may log it.</summary>
    private static void AssertAbsent(string log, params string[] values)
    {
        foreach (var value in values)
        {
            Assert.DoesNotContain(value, log, StringComparison.Ordinal);
            Assert.DoesNotContain(JsonSerializer.Serialize(value)[1..^1], log, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Filings_that_lose_a_race_log_no_protected_data()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        using var logs = Capture();

        var lost = 0;
        var filed = new List<(string CitizenId, string Address, string Phone)>();
        // Filings for one process all append to its list's stream: filed at once, some lose the race (409).
        for (var round = 0; round < 10 && lost == 0; round++)
        {
            var batch = Enumerable.Range(0, 6).Select(i => (CitizenId: $"0011850{round:D2}{i:D3}", Address: $"Ngõ {round}{i} phố Bí Mật Riêng Tư", Phone: $"09870{round:D2}{i:D3}")).ToList();
            filed.AddRange(batch);
            var statuses = await Task.WhenAll(batch.Select(async person =>
            {
                var dossier = JsonSerializer.SerializeToNode(ProcessDriver.Dossier("Nguyễn Thị Cùng Lúc", person.CitizenId))!;
                dossier["residenceAddress"] = person.Address;
                dossier["phone"] = person.Phone;
                var result = await Host.Scenario(s =>
                {
                    s.Post.Json(dossier).ToUrl(Routes.For(Routes.Candidacies, Process));
                    s.WithBearerToken(TestUsers.ElectionClerk);
                    s.IgnoreStatusCode();
                });
                return (HttpStatusCode)result.Context.Response.StatusCode;
            }));
            Assert.All(statuses, status => Assert.Contains(status, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            lost += statuses.Count(status => status == HttpStatusCode.Conflict);
        }

        Assert.True(lost > 0, "no filing lost a race");
        AssertAbsent(logs.Text, [.. filed.SelectMany(person => new[] { person.CitizenId, person.Address, person.Phone })]);
    }

    [Fact]
    public async Task An_append_postgresql_refuses_logs_no_protected_data()
    {
        using var logs = Capture();
        var protectedData = new ProtectedPersonalData("001185777001", "Số 7 ngõ Kín Đáo\u0000", "0987777001", "an.kin@example.vn");

        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream<Candidacy>("cand-refused", new CandidacyFiled("cand-refused", Process, CouncilKind.CommuneCouncil, "person-refused",
                null!, protectedData, "thu.ky", DateTimeOffset.UtcNow));
            await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
        }

        Assert.Contains("22P05", logs.Text, StringComparison.Ordinal);
        AssertAbsent(logs.Text, protectedData.CitizenId, "Số 7 ngõ Kín Đáo", protectedData.Phone!, protectedData.Email!);
    }

    [Fact]
    public void PostgreSQLs_error_detail_stays_out_of_exceptions_even_when_the_connection_string_asks_for_it()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:ElectionPrep"] = "Host=db.example;Database=ep;Include Error Detail=true" })
            .Build();

        var connection = Database.DatabaseConnection.Open(configuration, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        Assert.False(new Npgsql.NpgsqlConnectionStringBuilder(connection.ConnectionString).IncludeErrorDetail);
    }
}
