using System.Security.Claims;
using ElectionPrep.Common;
using ElectionPrep.Http;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Wolverine.Http;

namespace ElectionPrep.Accounts;

/// <summary>The body of POST /api/tokens.</summary>
public sealed record TokenRequest(string Name, string Password);

/// <summary>A bearer token for an API client signed in with a local account.</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt);

public sealed class TokenRequestValidator : AbstractValidator<TokenRequest>
{
    public TokenRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Cần tên đăng nhập.", "The account name is required.");
        RuleFor(r => r.Password).NotEmpty().WithMessage("Cần mật khẩu.", "The password is required.");
    }
}

/// <summary>
/// Token cho ứng dụng: API clients of an installation without an external identity provider sign in with a local account
/// and get a bearer token carrying the account's roles, body and jurisdiction. Off unless
/// Authentication:LocalTokens:SigningKey (base64, 32 bytes or more) is set; the server then also accepts these tokens.
/// </summary>
public sealed class LocalTokens(IConfiguration configuration)
{
    public const string Issuer = "electionprep";
    public const string Audience = "electionprep-api";
    public const string SigningKeySetting = "Authentication:LocalTokens:SigningKey";

    public SymmetricSecurityKey? Key { get; } = configuration[SigningKeySetting] is { Length: > 0 } key ? new SymmetricSecurityKey(Convert.FromBase64String(key)) : null;

    private TimeSpan Lifetime => configuration.GetValue("Authentication:LocalTokens:Lifetime", TimeSpan.FromHours(1));

    public TokenResponse Issue(Account account, SymmetricSecurityKey key)
    {
        // The bearer handler checks lifetimes against the real clock, whatever the workflow's clock reads (the demo's is in 2021).
        var now = TimeProvider.System.GetUtcNow();
        Claim[] claims = [new("unique_name", account.Id), new("sub", account.Id), .. account.Claims("role")];
        var expires = now + Lifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return new TokenResponse(token, JwtBearerDefaults.AuthenticationScheme, expires);
    }

    /// <summary>
    /// Lets the bearer handler accept the tokens this server issues, beside whatever identity provider is configured, as long
    /// as the account's security stamp is the one the token carries. Tokens of an external identity provider have no local
    /// account and are not checked.
    /// </summary>
    public static IServiceCollection AddLocalTokens(IServiceCollection services)
    {
        services.AddSingleton<LocalTokens>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).PostConfigure<LocalTokens>((options, tokens) =>
        {
            if (tokens.Key is not { } key) return;
            var parameters = options.TokenValidationParameters;
            parameters.ValidIssuers = [.. parameters.ValidIssuers ?? [], Issuer];
            parameters.ValidAudiences = [.. parameters.ValidAudiences ?? [], Audience];
            parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], key];
            var configured = options.Events.OnTokenValidated;
            options.Events.OnTokenValidated = async context =>
            {
                await configured(context);
                if (context.Result is not null || context.SecurityToken.Issuer != Issuer || context.Principal is not { } principal) return;
                var account = await context.HttpContext.RequestServices.GetRequiredService<Accounts>().FindAsync(Actors.Of(principal), context.HttpContext.RequestAborted);
                if (account is null || !account.IsCurrent(principal)) context.Fail("The account's password or rights changed after this token was issued.");
            };
        });
        return services;
    }
}

public static class TokenEndpoint
{
    public const string SignInFailed = "sign-in-failed";

    [WolverinePost(Routes.Tokens)]
    [AllowAnonymous]
    [RecordsNothing("Signing in records nothing, and a token is a credential never to be stored for replay.")]
    public static async Task<IResult> Post(TokenRequest request, Accounts accounts, LocalTokens tokens, HttpContext context, CancellationToken cancellation)
    {
        if (tokens.Key is not { } key)
        {
            return Problems.NotFound(new BilingualText(
                $"Máy chủ không cấp token cho tài khoản nội bộ (chưa đặt {LocalTokens.SigningKeySetting}).",
                $"This server issues no tokens for local accounts ({LocalTokens.SigningKeySetting} is not set)."));
        }

        return await accounts.SignInAsync(request.Name, request.Password, SignInThrottle.AddressOf(context), cancellation) switch
        {
            SignInOutcome.SignedIn signedIn => Results.Ok(tokens.Issue(signedIn.Account, key)),
            SignInOutcome.Throttled throttled => SignInThrottle.Refuse(context, throttled.RetryAfter),
            _ => Problems.Unauthorized(SignInFailed, new BilingualText("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong account name or password.")),
        };
    }
}
