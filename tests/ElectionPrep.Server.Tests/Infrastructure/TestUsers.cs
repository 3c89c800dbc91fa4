using System.Security.Claims;
using System.Text;
using ElectionPrep.Workflows;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ElectionPrep.Infrastructure;

/// <summary>
/// Bearer tokens for the test users, signed with the key the test server is configured to trust (the same
/// Authentication:Schemes:Bearer section `dotnet user-jwts` writes), so requests go through the real JWT handler.
/// </summary>
public static class TestUsers
{
    private const string Issuer = "electionprep-tests";
    private const string Audience = "electionprep";
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("electionprep-tests-signing-key-32bytes!!");

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(Key),
        ["Authentication:LocalTokens:SigningKey"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("electionprep-local-tokens-key-32b!")),
    };

    public static string Chair => Token("chu.tich", ActorRole.CommitteeChair);

    public static string Member => Token("uy.vien", ActorRole.CommitteeMember);

    public static string Clerk => Token("thu.ky", ActorRole.Clerk);

    /// <summary>A clerk of the ward's Front committee, with the body and jurisdiction claims an identity provider would issue.</summary>
    public static string WardClerk => Token("thu.ky.phuong", [new("body", "FrontStandingBoard"), new("jurisdiction", "01834")], ActorRole.Clerk);

    public static string Administrator => Token("quan.tri", ActorRole.Administrator);

    public static string Observer => Token("giam.sat", ActorRole.Observer);

    public static string Token(string name, params ActorRole[] roles) => Token(name, [], roles);

    public static string Token(string name, IEnumerable<Claim> extra, params ActorRole[] roles)
    {
        var claims = new List<Claim> { new("unique_name", name), new("sub", name) };
        claims.AddRange(extra);
        claims.AddRange(roles.Select(role => new Claim("role", role.ToString())));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Key), SecurityAlgorithms.HmacSha256),
        });
    }

    public static string Name(string token) => new JsonWebToken(token).GetClaim("unique_name").Value;
}
