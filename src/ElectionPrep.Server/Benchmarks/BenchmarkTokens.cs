using System.Collections.Concurrent;
using System.Security.Cryptography;
using ElectionPrep.Accounts;
using ElectionPrep.Workflows;

namespace ElectionPrep.Benchmarks;

/// <summary>
/// The benchmark's identity provider: a key made for the run, and one token per body, role and unit with the claims an
/// external provider issues, so every call passes the real checks.
/// </summary>
public sealed class BenchmarkTokens
{
    // A national run lasts hours.
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(2);

    private readonly BearerTokenIssuer issuer = new("electionprep-benchmark", RandomNumberGenerator.GetBytes(32));
    private readonly ConcurrentDictionary<(Body, ActorRole, string?), string> issued = new();

    public IReadOnlyDictionary<string, string> Settings => issuer.Settings;

    /// <summary>A clerk, member or chair of a body; no jurisdiction (or "VN") for a national body.</summary>
    public string Of(Body body, ActorRole role, string? jurisdiction) => issued.GetOrAdd((body, role, jurisdiction), _ =>
        issuer.Issue($"{role}.{body}.{jurisdiction ?? Actor.Nation}".ToLowerInvariant(), BearerTokenIssuer.ActingFor(body, jurisdiction), [role], Lifetime));

    public string Observer => issuer.Issue("giam.sat", [], [ActorRole.Observer], Lifetime);
}
