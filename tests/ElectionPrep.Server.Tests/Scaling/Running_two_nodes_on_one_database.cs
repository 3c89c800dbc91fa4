using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using Npgsql;

namespace ElectionPrep.Scaling;

/// <summary>
/// Two server processes on one database, as N nodes run: both serve requests, one leads the async daemon and the audit
/// subscription. The leader is killed with SIGKILL while requests are in flight; the survivor takes over the projections,
/// the log and the timers, each timer fires once, and nothing acknowledged is lost. The seeds are a copy whose first
/// deadline falls a few minutes ahead, so its timers are still waiting in the database when the leader dies.
/// </summary>
public class Running_two_nodes_on_one_database
{
    private const int RequestsPerPhase = 12;
    private const string FirstStep = "structure-projected";

    /// <summary>How long a node may take to start on a loaded machine; two start one after the other.</summary>
    private static readonly TimeSpan StartUp = TimeSpan.FromSeconds(150);

    /// <summary>Long enough for both nodes to start and the kill to happen, before the deadline.</summary>
    private static readonly TimeSpan DeadlineAhead = 2 * StartUp + TimeSpan.FromMinutes(1);

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static readonly IReadOnlyList<string> Communes = [.. SeedCatalog.Load(SeedCatalog.DefaultPath).Units.All
        .Where(unit => unit.Level == UnitLevel.Commune && unit.Elects(CouncilKind.CommuneCouncil))
        .Select(unit => unit.Code).Order(StringComparer.Ordinal).Take(2 * RequestsPerPhase)];

    private static string ProcessOf(string commune) => $"2021-2026.commune-council.{commune}";

    private static HttpRequestMessage Opening(string commune) =>
        new(HttpMethod.Post, Routes.ConsultationProcesses)
        {
            Content = JsonContent.Create(new { termId = "2021-2026", council = "commune-council", jurisdictionCode = commune }),
            Headers = { { IdempotencyKeys.HeaderName, $"open-{commune}" }, { "Authorization", $"Bearer {TestUsers.NationalChair}" } },
        };

    [Fact]
    public async Task The_survivor_takes_over_the_projections_the_log_and_the_timers_when_the_leader_is_killed()
    {
        var database = await TestDatabase.CreateDatabaseAsync("twonodes");
        var deadline = DateTimeOffset.UtcNow.Add(DeadlineAhead).AddTicks(-(DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerSecond));
        var seeds = SeedsWithFirstDeadlineAt(deadline);
        try
        {
            await using var leader = ServerProcess.Start(Node(database, "node-a", seeds));
            using var leaderClient = await leader.WaitUntilHealthyAsync(StartUp);
            var acknowledged = new Dictionary<string, string>();
            var servedBy = new Dictionary<string, int> { ["node-a"] = 0, ["node-b"] = 0 };

            // Alone, node A takes every lock of the daemon: it leads the projections and the audit subscription.
            foreach (var commune in Communes.Take(RequestsPerPhase))
            {
                var answer = await leaderClient.SendAsync(Opening(commune));
                Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
                acknowledged[commune] = await answer.Content.ReadAsStringAsync();
                servedBy["node-a"]++;
            }

            // A request or message handler may hold one stream's lock for a moment besides the daemon's shard locks:
            // the shard locks are the count that stays the same from one look to the next.
            long? previous = null;
            var leading = await Eventually.Until(
                async () => (Locks: await DaemonLocksAsync(database), CaughtUp: await CaughtUpAsync(database)),
                state =>
                {
                    var held = state.Locks.GetValueOrDefault("node-a");
                    var steady = held > 0 && held == previous;
                    previous = held;
                    return steady && state.CaughtUp;
                }, Patience);
            Assert.True(leading.CaughtUp, "Node A's daemon catches up.");
            var leaderLocks = leading.Locks["node-a"];

            await using var survivor = ServerProcess.Start(Node(database, "node-b", seeds));
            using var survivorClient = await survivor.WaitUntilHealthyAsync(StartUp);

            // Both nodes take requests at once; node A is killed as soon as it has answered one, the others in flight.
            var requests = Communes.Skip(RequestsPerPhase).Select((commune, index) => (commune, node: index % 2 == 0 ? "node-a" : "node-b"));
            var sending = requests.Select(async request =>
            {
                try
                {
                    var answer = await (request.node == "node-a" ? leaderClient : survivorClient).SendAsync(Opening(request.commune));
                    if (answer.StatusCode != HttpStatusCode.Created) return;
                    var body = await answer.Content.ReadAsStringAsync();
                    lock (acknowledged)
                    {
                        acknowledged[request.commune] = body;
                        servedBy[request.node]++;
                    }
                }
                catch (HttpRequestException)
                {
                    // Killed before it answered: not acknowledged, so the client will send it to the other node.
                }
            }).ToList();
            while (true)
            {
                lock (acknowledged) if (servedBy["node-a"] > RequestsPerPhase || sending.All(task => task.IsCompleted)) break;
                await Task.WhenAny(Task.WhenAll(sending), Task.Delay(10));
            }

            // Still the leader when it dies; requests in flight may add a stream's lock to its shard locks.
            Assert.True((await DaemonLocksAsync(database)).GetValueOrDefault("node-a") >= leaderLocks, "Node A leads the daemon when it is killed.");
            await leader.KillAsync();
            var killedAt = Stopwatch.StartNew();
            var killedBeforeDeadline = deadline - DateTimeOffset.UtcNow;
            Assert.True(killedBeforeDeadline > TimeSpan.Zero, "The leader must die before the first deadline, while its timers wait in the database.");
            await Task.WhenAll(sending);

            // Measured apart: the daemon's shards move by their locks, the dead node's messages once it is declared stale.
            var takeover = Timed(killedAt,
                Eventually.Until(() => DaemonLocksAsync(database), locks => locks.GetValueOrDefault("node-b") == leaderLocks, Patience));
            var recovery = Timed(killedAt, Eventually.Until(() => CountPerProcessAsync(database, "step_activated"), OneEach(acknowledged.Keys), Patience));
            var (projectionsTakenOver, projectionsTakeover) = await takeover;
            var (_, messagesRecovered) = await recovery;

            // Every request goes again to the survivor with its key: an acknowledged one gets its first answer back.
            var retries = new Dictionary<string, (HttpStatusCode Status, string Body)>();
            foreach (var commune in Communes)
            {
                var answer = await survivorClient.SendAsync(Opening(commune));
                retries[commune] = (answer.StatusCode, await answer.Content.ReadAsStringAsync());
            }

            var activated = await Eventually.Until(() => CountPerProcessAsync(database, "step_activated"), OneEach(Communes), Patience);

            var missed = await Eventually.Until(() => CountPerProcessAsync(database, "deadline_missed"),
                counts => Communes.All(commune => counts.GetValueOrDefault(ProcessOf(commune)) >= 1), deadline - DateTimeOffset.UtcNow + Patience);
            var timersFiredBy = DateTimeOffset.UtcNow - deadline;
            Assert.True(await Eventually.Until(() => CaughtUpAsync(database), caughtUp => caughtUp, Patience),
                $"The survivor's daemon catches up with every event: {await ProgressionAsync(database)}");

            survivorClient.DefaultRequestHeaders.Authorization = new("Bearer", TestUsers.Observer);
            var export = await survivorClient.GetFromJsonAsync<JsonElement>(Routes.AuditExport);
            var logSize = export.GetProperty("leaves").GetArrayLength();
            var eventCount = await ScalarAsync(database, "select count(*) from electionprep.mt_events");
            var opened = await CountPerProcessAsync(database, "consultation_process_opened");

            var lost = acknowledged.Keys.Count(commune => opened.GetValueOrDefault(ProcessOf(commune)) != 1);
            var doubled = opened.Values.Count(count => count > 1);
            var answeredDifferently = acknowledged.Count(pair => retries[pair.Key] != (HttpStatusCode.Created, pair.Value));
            var firedTwice = missed.Values.Count(count => count > 1);
            Reliability.Record("two-nodes", new
            {
                requests = Communes.Count,
                servedByNodeA = servedBy["node-a"],
                servedByNodeB = servedBy["node-b"],
                acknowledged = acknowledged.Count,
                lost,
                doubled,
                retriedAnsweredDifferently = answeredDifferently,
                timersFiredTwice = firedTwice,
                daemonLocks = leaderLocks,
                killedBeforeDeadlineSeconds = Math.Round(killedBeforeDeadline.TotalSeconds, 1),
                projectionsTakenOverAfterSeconds = Math.Round(projectionsTakeover.TotalSeconds, 1),
                deadNodeMessagesRecoveredAfterSeconds = Math.Round(messagesRecovered.TotalSeconds, 1),
                lastDeadlineRecordedAfterDeadlineSeconds = Math.Round(timersFiredBy.TotalSeconds, 1),
                events = eventCount,
                logSize,
            });

            Assert.True(servedBy["node-b"] > 0 && servedBy["node-a"] > RequestsPerPhase, "Both nodes answered requests.");
            Assert.Equal(leaderLocks, projectionsTakenOver.GetValueOrDefault("node-b"));
            Assert.Equal((0, 0, 0, 0), (lost, doubled, answeredDifferently, firedTwice));
            Assert.All(Communes, commune => Assert.Equal(HttpStatusCode.Created, retries[commune].Status));
            Assert.All(Communes, commune => Assert.Equal(1, activated[ProcessOf(commune)]));
            Assert.Equal(eventCount, logSize);
        }
        finally
        {
            Directory.Delete(seeds, recursive: true);
        }
    }

    private static Dictionary<string, string> Node(string database, string name, string seeds) => new()
    {
        ["Seeds__Path"] = seeds,
        // The node's name on its connections, so the test sees which node holds which lock. The daemon watches each
        // lock with a 60 s pg_sleep: without the check, a killed node's backend sleeps on holding it (docs/scaling.md).
        ["ConnectionStrings__ElectionPrep"] = new NpgsqlConnectionStringBuilder(database)
            { ApplicationName = name, Options = "-c client_connection_check_interval=1000" }.ConnectionString,
        ["Wolverine__Durability__ScheduledJobPollingTime"] = "00:00:00.5",
        // A dead node is declared gone (and its messages recovered) after 15 s instead of a minute; still well above
        // a live node's heartbeat delayed by a loaded machine.
        ["Wolverine__Durability__HealthCheckPollingTime"] = "00:00:02",
        ["Wolverine__Durability__StaleNodeTimeout"] = "00:00:15",
    };

    private static Func<Dictionary<string, long>, bool> OneEach(IEnumerable<string> communes) =>
        counts => communes.All(commune => counts.GetValueOrDefault(ProcessOf(commune)) == 1);

    private static async Task<(T Value, TimeSpan After)> Timed<T>(Stopwatch clock, Task<T> waiting)
    {
        var value = await waiting;
        return (value, clock.Elapsed);
    }

    /// <summary>A copy of the seeds whose election day and first deadline put that deadline at <paramref name="deadline"/>.</summary>
    private static string SeedsWithFirstDeadlineAt(DateTimeOffset deadline)
    {
        var seeds = Repository.CopyOf(SeedCatalog.DefaultPath);
        var file = Path.Combine(seeds, "terms", "2021-2026.json");
        var term = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var local = TimeZoneInfo.ConvertTime(deadline, TimeZoneInfo.FindSystemTimeZoneById((string)term["timeZone"]!));
        var entry = term["calendar"]!.AsArray().Single(entry => (string)entry!["id"]! == FirstStep)!.AsObject();
        term["electionDay"] = DateOnly.FromDateTime(local.Date).AddDays((int)entry["daysBeforeElection"]!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        entry["timeOfDay"] = local.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        File.WriteAllText(file, term.ToJsonString());

        // The 2021 units end on 30/6/2025; moved to an election day near today, the term keeps them, alone.
        foreach (var units in new[] { "provinces.json", "06-bac-kan.json" })
        {
            var unitFile = Path.Combine(seeds, "units", units);
            var tree = JsonNode.Parse(File.ReadAllText(unitFile))!.AsObject();
            tree.Remove("validTo");
            File.WriteAllText(unitFile, tree.ToJsonString());
        }

        Directory.Delete(Path.Combine(seeds, "units", "2025"), recursive: true);
        File.Delete(Path.Combine(seeds, "terms", "2026-2031.json"));
        return seeds;
    }

    /// <summary>
    /// The daemon's locks held by each node: one per projection or subscription shard, taken by the node that runs it.
    /// Wolverine's own advisory locks are small constants, or held on connections it names itself.
    /// </summary>
    private static async Task<Dictionary<string, long>> DaemonLocksAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select activity.application_name, count(*) from pg_locks lock join pg_stat_activity activity on activity.pid = lock.pid
            where lock.locktype = 'advisory' and lock.granted and lock.objid::bigint > 100000 and activity.application_name like 'node-%'
              and activity.datname = current_database()
            group by activity.application_name
            """, connection);
        var locks = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) locks[reader.GetString(0)] = reader.GetInt64(1);
        return locks;
    }

    /// <summary>Every projection and subscription shard has reached the last event (the HighWater rows are the daemon's own).</summary>
    private static async Task<bool> CaughtUpAsync(string database) =>
        await ScalarAsync(database, """
            select count(*) from electionprep.mt_event_progression
            where name not like 'HighWater%' and last_seq_id < (select coalesce(max(seq_id), 0) from electionprep.mt_events)
            """) == 0
        && await ScalarAsync(database, "select count(*) from electionprep.mt_event_progression where name not like 'HighWater%'") > 0;

    private static async Task<string> ProgressionAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select name || '=' || last_seq_id from electionprep.mt_event_progression union all select 'max=' || max(seq_id) || ' count=' || count(*) from electionprep.mt_events", connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return string.Join(", ", rows);
    }

    /// <summary>How many events of the kind each process has, for the first step when the kind names one.</summary>
    private static async Task<Dictionary<string, long>> CountPerProcessAsync(string database, string kind)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select stream_id, count(*) from electionprep.mt_events
            where type = @kind and coalesce(data->>'StepId', data->>'stepId', @step) = @step
            group by stream_id
            """, connection);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("step", FirstStep);
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
