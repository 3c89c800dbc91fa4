using System.Net;
using System.Security.Claims;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ElectionPrep.Accounts;

/// <summary>A bearer token is refused within 30 s of its expiry, not the 5 minutes the handler allows by default.</summary>
public class Accepting_expired_tokens(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>An administrator's token from the test identity provider (the issuer and key TestUsers signs with), expired <paramref name="ago"/>.</summary>
    private static string ExpiredAgo(TimeSpan ago)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestUsers.Settings["Authentication:Schemes:Bearer:ValidIssuer"],
            Audience = TestUsers.Settings["Authentication:Schemes:Bearer:ValidAudiences:0"],
            Subject = new ClaimsIdentity([new Claim("unique_name", "quan.tri"), new Claim("sub", "quan.tri"), new Claim("role", "Administrator")]),
            IssuedAt = now.AddMinutes(-5),
            NotBefore = now.AddMinutes(-5),
            Expires = now - ago,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(TestUsers.Settings["Authentication:Schemes:Bearer:SigningKeys:0:Value"])), SecurityAlgorithms.HmacSha256),
        });
    }

    private async Task ListAccounts(string token, HttpStatusCode expected) =>
        await Host.Scenario(s =>
        {
            s.Get.Url(Routes.Accounts);
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(expected);
        });

    [Fact]
    public async Task A_token_that_expired_40_seconds_ago_is_refused()
    {
        var token = ExpiredAgo(TimeSpan.FromSeconds(40));

        await ListAccounts(token, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_that_expired_10_seconds_ago_is_still_accepted_for_clocks_that_differ()
    {
        var token = ExpiredAgo(TimeSpan.FromSeconds(10));

        await ListAccounts(token, HttpStatusCode.OK);
    }
}
