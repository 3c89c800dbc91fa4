using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;

namespace ElectionPrep.Idempotency;

/// <summary>
/// A client opening many processes at once, each request with its own Idempotency-Key, while the server is killed with
/// SIGKILL; after a restart it sends every request again with the same key. Nothing acknowledged is lost, nothing is
/// recorded twice, and every retry of an acknowledged request gets its first answer back.
/// </summary>
public class Killing_the_server_mid_flight
{
    private const int Requests = 40;

    private static readonly IReadOnlyList<string> Communes = [.. SeedCatalog.Load(SeedCatalog.DefaultPath).Units.All
        .Where(unit => unit.Level == UnitLevel.Commune && unit.Elects(CouncilKind.CommuneCouncil))
        .Select(unit => unit.Code).Order(StringComparer.Ordinal).Take(Requests)];

    private static HttpRequestMessage Opening(string commune) =>
        new(HttpMethod.Post, Routes.ConsultationProcesses)
        {
            Content = JsonContent.Create(new { termId = "2021-2026", council = "commune-council", jurisdictionCode = commune }),
            Headers = { { IdempotencyKeys.HeaderName, $"open-{commune}" } },
        };

    [Fact]
    public async Task Nothing_acknowledged_is_lost_or_doubled_and_retries_get_their_first_answer()
    {
        var folder = TestDatabase.TemporaryFolder();
        var environment = new Dictionary<string, string> { ["EmbeddedDatabase__DataDirectory"] = folder };
        var acknowledged = new Dictionary<string, string>();
        try
        {
            await using (var first = ServerProcess.Start(environment))
            {
                using var client = await first.WaitUntilHealthyAsync();
                client.DefaultRequestHeaders.Authorization = new("Bearer", TestUsers.NationalChair);
                var sending = Communes.Select(async commune =>
                {
                    try
                    {
                        var answer = await client.SendAsync(Opening(commune));
                        var body = await answer.Content.ReadAsStringAsync();
                        if (answer.StatusCode == HttpStatusCode.Created) lock (acknowledged) acknowledged[commune] = body;
                    }
                    catch (HttpRequestException)
                    {
                        // Killed before it answered: not acknowledged, so the client will send it again.
                    }
                }).ToList();
                // Kill once some have been acknowledged and others are still in flight.
                while (true)
                {
                    lock (acknowledged) if (acknowledged.Count >= Requests / 4) break;
                    await Task.WhenAny(Task.WhenAll(sending), Task.Delay(10));
                }

                await first.KillAsync();
                await Task.WhenAll(sending);
            }

            await using var second = ServerProcess.Start(environment);
            using (var client = await second.WaitUntilHealthyAsync())
            {
                client.DefaultRequestHeaders.Authorization = new("Bearer", TestUsers.NationalChair);
                var retries = new Dictionary<string, (HttpStatusCode Status, string Body)>();
                foreach (var commune in Communes)
                {
                    var answer = await client.SendAsync(Opening(commune));
                    retries[commune] = (answer.StatusCode, await answer.Content.ReadAsStringAsync());
                }

                client.DefaultRequestHeaders.Authorization = new("Bearer", TestUsers.Observer);
                var openedEvents = new Dictionary<string, int>();
                foreach (var commune in Communes)
                {
                    var trail = await client.GetFromJsonAsync<JsonElement[]>(
                        $"{Routes.For(Routes.AuditStreamEvents, $"2021-2026.commune-council.{commune}")}?kind=consultation_process_opened");
                    openedEvents[commune] = trail!.Length;
                }

                var lost = acknowledged.Keys.Count(commune => openedEvents[commune] != 1);
                var doubled = openedEvents.Count(pair => pair.Value > 1);
                var answeredDifferently = acknowledged.Count(pair => retries[pair.Key].Status != HttpStatusCode.Created || retries[pair.Key].Body != pair.Value);
                Reliability.Record("kill-9", new { requests = Requests, acknowledged = acknowledged.Count, lost, doubled, retriedAnsweredDifferently = answeredDifferently });

                Assert.InRange(acknowledged.Count, Requests / 4, Requests);
                Assert.Equal((0, 0, 0), (lost, doubled, answeredDifferently));
                Assert.All(Communes, commune => Assert.Equal(HttpStatusCode.Created, retries[commune].Status));
            }

            Assert.Equal(0, await second.StopAsync());
        }
        finally
        {
            await TestDatabase.StopAnyClusterLeftIn(folder);
            Directory.Delete(folder, recursive: true);
        }
    }
}
