using System.Collections.Concurrent;
using System.Diagnostics;

namespace ElectionPrep.Benchmarks;

/// <summary>
/// Where a command's database time goes: every round trip Npgsql traces, charged to the HTTP request it served (by
/// route) or, outside any request, to the background work that made it (the outbox, the daemon, the audit log).
/// A round trip is one traced command or batch, whatever number of statements it carries.
/// </summary>
public sealed class DatabaseCalls : IDisposable
{
    private const string RequestSource = "Microsoft.AspNetCore";
    private const int SqlSamplesPerRoute = 40;

    private readonly ActivityListener listener;
    private readonly ConcurrentDictionary<string, Tally> requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Tally> background = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> samples = new(StringComparer.Ordinal);

    public DatabaseCalls()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or RequestSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = Started,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>Per route: requests, round trips and database milliseconds per request, and the SQL of one request.</summary>
    public IReadOnlyList<RouteCalls> ByRoute() =>
        [.. requests.Select(pair => pair.Value.Summary(pair.Key, samples.GetValueOrDefault(pair.Key) ?? []))
            .Where(route => route.Requests > 0).OrderByDescending(route => route.DatabaseMilliseconds * route.Requests)];

    /// <summary>Round trips made outside any request, by the work that made them.</summary>
    public IReadOnlyList<RouteCalls> Background() =>
        [.. background.Select(pair => pair.Value.Summary(pair.Key, [])).OrderByDescending(route => route.RoundTrips)];

    public void Dispose() => listener.Dispose();

    private static void Started(Activity activity)
    {
        if (activity.Source.Name == RequestSource) activity.SetCustomProperty(nameof(Tally), new RequestTally());
    }

    private void Stopped(Activity activity)
    {
        if (activity.Source.Name == RequestSource)
        {
            if (activity.GetCustomProperty(nameof(Tally)) is not RequestTally tally || tally.RoundTrips == 0) return;
            var route = activity.GetTagItem("http.route") is string template ? $"{activity.GetTagItem("http.request.method")} {template}" : activity.DisplayName;
            requests.GetOrAdd(route, _ => new Tally()).AddRequest(tally);
            if (tally.Sql.Count > 0) samples.TryAdd(route, tally.Sql);
            return;
        }

        var sql = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
        var request = RequestOf(activity);
        if (request?.GetCustomProperty(nameof(Tally)) is RequestTally owner)
        {
            owner.Add(activity.Duration, sql, SqlSamplesPerRoute);
            return;
        }

        background.GetOrAdd(BackgroundWorkOf(activity, sql), _ => new Tally()).AddRoundTrip(activity.Duration);
    }

    private static Activity? RequestOf(Activity activity)
    {
        for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Source.Name == RequestSource) return parent;
        }

        return null;
    }

    // The SQL's first table names the work well enough: wolverine_incoming_envelopes, mt_event_progression, audit_…
    private static string BackgroundWorkOf(Activity activity, string sql)
    {
        var root = activity;
        while (root.Parent is not null) root = root.Parent;
        var table = sql.Split([' ', '\n', '(', ','], StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(word => word.Contains('.', StringComparison.Ordinal) && !word.Contains('"', StringComparison.Ordinal)) ?? "?";
        return root == activity ? table : $"{root.Source.Name}: {root.DisplayName}";
    }

    /// <summary>One request's round trips, counted as they stop; a request's calls may overlap.</summary>
    private sealed class RequestTally
    {
        private readonly Lock gate = new();
        private readonly List<string> sql = [];

        public int RoundTrips { get; private set; }

        public TimeSpan Database { get; private set; }

        public IReadOnlyList<string> Sql
        {
            get
            {
                lock (gate) return [.. sql];
            }
        }

        public void Add(TimeSpan duration, string text, int keep)
        {
            lock (gate)
            {
                RoundTrips++;
                Database += duration;
                if (sql.Count < keep) sql.Add(text.Length > 400 ? text[..400] + "…" : text);
            }
        }
    }

    private sealed class Tally
    {
        private readonly Lock gate = new();
        private long requests;
        private long roundTrips;
        private int mostRoundTrips;
        private TimeSpan database;

        public void AddRequest(RequestTally request)
        {
            lock (gate)
            {
                requests++;
                roundTrips += request.RoundTrips;
                mostRoundTrips = Math.Max(mostRoundTrips, request.RoundTrips);
                database += request.Database;
            }
        }

        public void AddRoundTrip(TimeSpan duration)
        {
            lock (gate)
            {
                roundTrips++;
                database += duration;
            }
        }

        public RouteCalls Summary(string route, IReadOnlyList<string> sql)
        {
            lock (gate)
            {
                var per = Math.Max(requests, 1);
                return new RouteCalls(route, requests, roundTrips, (double)roundTrips / per, mostRoundTrips, database.TotalMilliseconds / per, sql);
            }
        }
    }
}

/// <summary>
/// A route's database calls: requests seen, round trips in all, per request on average and at most, database time per
/// request (ms, the sum of its round trips as the client saw them), and the SQL of one request.
/// </summary>
public sealed record RouteCalls(string Route, long Requests, long RoundTrips, double RoundTripsPerRequest, int MostRoundTrips, double DatabaseMilliseconds, IReadOnlyList<string> Sql);
