using System.Security.Claims;
using ElectionPrep.Workflows;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ElectionPrep.Accounts;

/// <summary>
/// Signs bearer tokens as an external identity provider would, with a key the server is told to trust under
/// Authentication:Schemes:Bearer (the section `dotnet user-jwts` writes): the benchmark and the tests act through the
/// real JWT handler and access rules with it, never around them.
/// </summary>
public sealed class BearerTokenIssuer(string issuer, byte[] key)
{
    private const string Audience = "electionprep";

    /// <summary>The configuration that makes a server trust this issuer's tokens.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(key),
    };

    /// <summary>The body claim, and the jurisdiction claim unless the body acts nationally (none, or "VN").</summary>
    public static IReadOnlyList<Claim> ActingFor(Body body, string? jurisdiction) =>
        jurisdiction is { } unit && unit != Actor.Nation ? [new("body", body.ToString()), new("jurisdiction", unit)] : [new("body", body.ToString())];

    public string Issue(string name, IEnumerable<Claim> extra, IEnumerable<ActorRole> roles, TimeSpan lifetime) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new("unique_name", name), new("sub", name), .. extra, .. roles.Select(role => new Claim("role", role.ToString()))]),
            Expires = DateTime.UtcNow.Add(lifetime),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
}
