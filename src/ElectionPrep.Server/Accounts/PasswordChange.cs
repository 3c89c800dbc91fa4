using Marten;
using System.Security.Claims;
using ElectionPrep.Common;
using ElectionPrep.Http;
using FluentValidation;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.Accounts;

/// <summary>The body of POST /api/account/password: the signed-in account's current password and the one it chooses.</summary>
public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

public sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator(IConfiguration configuration)
    {
        RuleFor(r => r.CurrentPassword).NotEmpty().WithMessage("Cần mật khẩu hiện tại.", "The current password is required.");
        Include(new PasswordRule<ChangePasswordRequest>(r => r.NewPassword, configuration));
        RuleFor(r => r.NewPassword).NotEqual(r => r.CurrentPassword).When(r => !string.IsNullOrEmpty(r.NewPassword))
            .WithMessage("Mật khẩu mới phải khác mật khẩu hiện tại.", "The new password must differ from the current one.");
    }
}

/// <summary>
/// Đổi mật khẩu: a signed-in account chooses a new password. An account created with a one-time password must do so
/// first: until then every page leads to the password page and every other API call answers 403 password-change-required.
/// </summary>
public static class PasswordChange
{
    public const string Required = "password-change-required";
    public const string WrongPassword = "wrong-current-password";

    /// <summary>
    /// Sets the new password and ends every session and token of the account; a browser goes on in a fresh session, an API
    /// client asks for a new token.
    /// </summary>
    [WolverinePost(Routes.OwnPassword)]
    [SignedIn]
    public static async Task<IResult> Post(ChangePasswordRequest request, Accounts accounts, IDocumentSession session, ClaimsPrincipal user, HttpContext context,
        CancellationToken cancellation)
    {
        // Committed here, not after the endpoint: the old sessions must be gone before the browser's fresh one starts. The
        // idempotency key commits just after; a retry that misses it is answered "wrong current password" and changes nothing.
        if (await accounts.ChangePasswordAsync(session, Actors.Of(user), request.CurrentPassword, request.NewPassword, cancellation) is not { } changed)
        {
            return Problems.Forbidden(WrongPassword, new BilingualText("Mật khẩu hiện tại không đúng.", "The current password is wrong."));
        }

        if (user.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme) await SignInSessions.StartAsync(context, changed);
        return Results.NoContent();
    }

    /// <summary>
    /// Lets a session that must change its password reach only the password page and endpoint, signing in and out and the
    /// language switch: pages redirect to the password page, the API answers 403 problem details.
    /// </summary>
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.User.HasClaim(claim => claim.Type == Account.PasswordChangeClaim) || Open.Any(path => context.Request.Path.StartsWithSegments(path)))
            {
                await next(context);
                return;
            }

            if (context.Request.Path.StartsWithSegments(Routes.Api))
            {
                await Problems.Forbidden(Required, new BilingualText(
                    "Tài khoản cần đổi mật khẩu dùng một lần trước khi làm việc khác.",
                    "The account must replace its one-time password before doing anything else.")).ExecuteAsync(context);
                return;
            }

            context.Response.Redirect(Routes.OwnPasswordPage);
        });

    private static readonly string[] Open = [Routes.OwnPasswordPage, Routes.OwnPassword, Routes.SignIn, Routes.SignOut, Routes.LanguageSwitches];
}
