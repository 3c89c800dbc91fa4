using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ElectionPrep.Workflows;

namespace ElectionPrep.Benchmarks;

/// <summary>Issues a bearer token carrying the claims an identity provider gives a person of a body, role and unit.</summary>
public delegate string TokenIssuer(Body body, ActorRole role, string? jurisdiction);

/// <summary>
/// The one way a run talks to the server: every command is an HTTP call of a signed-in person, as a browser or API client
/// makes it, timed and counted by kind. Expected refusals are counted by their code; anything else is a failure, kept
/// with the server's answer.
/// </summary>
/// <param name="keepRecent">Whether someone drains <see cref="TakeRecent"/>; otherwise nothing is kept per call beyond the sample.</param>
public sealed class PipelineClient(HttpClient http, TokenIssuer tokens, bool keepRecent = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly ConcurrentDictionary<string, Reservoir> latencies = new();
    private readonly ConcurrentDictionary<string, int> refusals = new();
    private readonly ConcurrentQueue<string> failures = new();
    private readonly ConcurrentQueue<(string Kind, double Milliseconds)> recent = new();
    private long commands;

    public TokenIssuer Tokens => tokens;

    public long Commands => Interlocked.Read(ref commands);

    public IReadOnlyDictionary<string, int> Refusals => refusals;

    public IReadOnlyCollection<string> Failures => failures;

    /// <summary>Milliseconds of each call of a kind, e.g. "file-candidacy".</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Latencies => latencies.ToDictionary(pair => pair.Key, pair => pair.Value.Samples());

    /// <summary>Posts a command; its answer when it succeeded, null when it was refused (as expected or not).</summary>
    public async Task<JsonElement?> PostAsync(string kind, string path, object body, string token, string? expectedRefusal = null, CancellationToken cancellation = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var (status, text) = await SendAsync(kind, request, cancellation);
        Interlocked.Increment(ref commands);
        if ((int)status is >= 200 and < 300 && expectedRefusal is null) return text.Length == 0 ? default(JsonElement) : JsonSerializer.Deserialize<JsonElement>(text);

        var code = status == HttpStatusCode.Conflict ? JsonSerializer.Deserialize<JsonElement>(text).GetProperty("title").GetString() : null;
        if (expectedRefusal is not null && code == expectedRefusal) refusals.AddOrUpdate(code, 1, (_, count) => count + 1);
        else failures.Enqueue($"POST {path} ({kind}): {(int)status} {text[..Math.Min(text.Length, 600)]}{(expectedRefusal is null ? "" : $" (expected {expectedRefusal})")}");
        return null;
    }

    public async Task<JsonElement> GetAsync(string kind, string path, string token, CancellationToken cancellation = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var (status, text) = await SendAsync(kind, request, cancellation);
        if ((int)status is < 200 or >= 300) throw new InvalidOperationException($"GET {path}: {(int)status} {text[..Math.Min(text.Length, 600)]}");
        return text.Length == 0 || text[0] == '<' ? default : JsonSerializer.Deserialize<JsonElement>(text);
    }

    /// <summary>The calls timed since the last time this was asked, for a report's window.</summary>
    public IReadOnlyList<(string Kind, double Milliseconds)> TakeRecent()
    {
        var taken = new List<(string, double)>();
        while (recent.TryDequeue(out var call)) taken.Add(call);
        return taken;
    }

    private async Task<(HttpStatusCode Status, string Text)> SendAsync(string kind, HttpRequestMessage request, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellation);
        var text = await response.Content.ReadAsStringAsync(cancellation);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        latencies.GetOrAdd(kind, _ => new Reservoir()).Add(elapsed);
        if (keepRecent) recent.Enqueue((kind, elapsed));
        return (response.StatusCode, text);
    }

    /// <summary>A uniform sample of at most 10,000 latencies, so a national run's millions of calls keep the client small.</summary>
    private sealed class Reservoir
    {
        private const int Size = 10_000;
        private readonly List<double> samples = [];
        private readonly Random random = new(17);
        private long seen;

        public void Add(double milliseconds)
        {
            lock (samples)
            {
                seen++;
                if (samples.Count < Size) samples.Add(milliseconds);
                else if (random.NextInt64(seen) is var slot && slot < Size) samples[(int)slot] = milliseconds;
            }
        }

        public IReadOnlyList<double> Samples()
        {
            lock (samples) return [.. samples];
        }
    }
}
