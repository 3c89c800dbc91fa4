using System.Security.Claims;
using System.Text;
using ElectionPrep.Accounts;
using ElectionPrep.Workflows;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ElectionPrep.Infrastructure;

/// <summary>
/// Bearer tokens for the test users, signed with the key the test server is configured to trust (the same
/// Authentication:Schemes:Bearer section `dotnet user-jwts` writes), so requests go through the real JWT handler.
/// </summary>
public static class TestUsers
{
    private static readonly BearerTokenIssuer Issuer = new("electionprep-tests", Encoding.UTF8.GetBytes("electionprep-tests-signing-key-32bytes!!"));

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>(Issuer.Settings)
    {
        ["Authentication:LocalTokens:SigningKey"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("electionprep-local-tokens-key-32b!")),
    };

    /// <summary>The ward the tests mostly prepare: Phường Nguyễn Thị Minh Khai, Bắc Kạn.</summary>
    public const string Ward = "01834";

    /// <summary>The chair of the ward's Front committee, which convenes and signs the consultation rounds.</summary>
    public static string Chair => Of(Body.FrontStandingBoard, ActorRole.CommitteeChair, Ward);

    /// <summary>The chair of the Front's central presidium, who may open any process.</summary>
    public static string NationalChair => Of(Body.FrontStandingBoard, ActorRole.CommitteeChair, null);

    public static string Member => Of(Body.FrontStandingBoard, ActorRole.CommitteeMember, Ward);

    /// <summary>A clerk of the ward's Front committee: conferences, voter conferences, complaints.</summary>
    public static string Clerk => Of(Body.FrontStandingBoard, ActorRole.Clerk, Ward);

    /// <summary>A clerk of the ward's Election Committee: dossiers, constituencies, the official list.</summary>
    public static string ElectionClerk => Of(Body.ElectionCommittee, ActorRole.Clerk, Ward);

    public static string Administrator => Token("quan.tri", ActorRole.Administrator);

    public static string Observer => Token("giam.sat", ActorRole.Observer);

    /// <summary>
    /// A token with the body, jurisdiction, full-name and title claims an identity provider issues; no jurisdiction (or "VN")
    /// for a national body. Front accounts are named by role alone (chu.tich, uy.vien, thu.ky), others with their body after it.
    /// </summary>
    public static string Of(Body body, ActorRole role, string? jurisdiction)
    {
        var name = role switch { ActorRole.CommitteeChair => "chu.tich", ActorRole.CommitteeMember => "uy.vien", _ => "thu.ky" }
            + (body == Body.FrontStandingBoard ? "" : "." + body.ToString().ToLowerInvariant());
        var (fullName, title) = SignatoryOf(role);
        return Token(name, [.. BearerTokenIssuer.ActingFor(body, jurisdiction), new(Actors.FullNameClaim, fullName), new(Actors.TitleClaim, title)], role);
    }

    /// <summary>The full name and title the test users of a role sign forms with.</summary>
    public static (string FullName, string Title) SignatoryOf(ActorRole role) => role switch
    {
        ActorRole.CommitteeChair => ("Hà Văn Khánh", "Chủ tịch"),
        ActorRole.CommitteeMember => ("Đinh Thị Lan", "Ủy viên Ban Thường trực"),
        _ => ("Triệu Thị Hồng", "Cán bộ nghiệp vụ"),
    };

    public static string Token(string name, params ActorRole[] roles) => Token(name, [], roles);

    public static string Token(string name, IEnumerable<Claim> extra, params ActorRole[] roles) => Issuer.Issue(name, extra, roles, TimeSpan.FromHours(1));

    public static string Name(string token) => new JsonWebToken(token).GetClaim("unique_name").Value;
}
