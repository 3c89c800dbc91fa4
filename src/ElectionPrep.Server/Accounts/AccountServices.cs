using ElectionPrep.Http;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace ElectionPrep.Accounts;

/// <summary>Who the caller is (a cookie session or a bearer token) and what they may do (the access rules).</summary>
public static class AccountServices
{
    private const string SessionOrToken = "session-or-token";

    private static readonly TimeSpan MaximumClockSkew = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        // Bearer tokens, configured under Authentication:Schemes:Bearer (issuer, audiences, signing keys or an
        // external authority); `dotnet user-jwts` writes that section for development.
        // People sign in to a cookie session; API clients send a bearer token. The policy scheme picks by the request.
        services.AddAuthentication(SessionOrToken)
            .AddPolicyScheme(SessionOrToken, SessionOrToken, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = Routes.SignIn;
                options.AccessDeniedPath = Routes.AccessDenied;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                // API calls get 401/403, not a redirect to the sign-in page.
                options.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = SignInSessions.ValidatePrincipalAsync;
            })
            .AddJwtBearer();
        // The cookie names a session kept in the database: signing out, a reset or a password change ends it on every node.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IDocumentStore, TimeProvider>((options, store, clock) => options.SessionStore = new SignInSessions(store, clock));
        // An expired token is refused within 30 s (the handler's default allows 5 minutes); after configuration, which cannot widen it.
        services.PostConfigureAll<JwtBearerOptions>(options =>
        {
            var parameters = options.TokenValidationParameters;
            if (parameters.ClockSkew > MaximumClockSkew) parameters.ClockSkew = MaximumClockSkew;
        });
        // Every endpoint and page needs a signed-in user unless it says otherwise: health, sign-in, the API description,
        // the published official list and the audit log's public proofs, which anyone may check.
        services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<IAuthorizationHandler, AccessHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessProblems>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<Accounts>();
        LocalTokens.AddLocalTokens(services);
        return services.AddHostedService<FirstAdministrator>();
    }

    private static Task Challenge(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments(Routes.Api))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
