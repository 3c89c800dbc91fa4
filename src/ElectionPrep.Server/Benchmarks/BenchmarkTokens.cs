using System.Security.Claims;
using System.Security.Cryptography;
using ElectionPrep.Workflows;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ElectionPrep.Benchmarks;

/// <summary>
/// The benchmark's identity provider: a key made for the run, the bearer settings that make the server trust it, and
/// tokens with the claims an external provider issues (body, role, jurisdiction), so every call passes the real checks.
/// </summary>
public sealed class BenchmarkTokens
{
    private const string Issuer = "electionprep-benchmark";
    private const string Audience = "electionprep";

    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Body, ActorRole, string?), string> issued = new();

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(key),
    };

    /// <summary>A clerk, member or chair of a body; no jurisdiction (or "VN") for a national body.</summary>
    public string Of(Body body, ActorRole role, string? jurisdiction) => issued.GetOrAdd((body, role, jurisdiction), _ =>
    {
        List<Claim> claims = [new("body", body.ToString())];
        if (jurisdiction is { } unit && unit != Actor.Nation) claims.Add(new Claim("jurisdiction", unit));
        return Token($"{role}.{body}.{jurisdiction ?? Actor.Nation}".ToLowerInvariant(), claims, role);
    });

    public string Observer => Token("giam.sat", [], ActorRole.Observer);

    private string Token(string name, IEnumerable<Claim> extra, ActorRole role) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new("unique_name", name), new("sub", name), new("role", role.ToString()), .. extra]),
        // A national run lasts hours.
        Expires = DateTime.UtcNow.AddDays(2),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
    });
}
