using System.Security.Claims;
using ElectionPrep.Common;
using ElectionPrep.Http;
using FluentValidation;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.Accounts;

/// <summary>The body of POST /api/accounts/{name}/password.</summary>
public sealed record ResetPasswordRequest(string Password);

public sealed class ResetPasswordRequestValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordRequestValidator(IConfiguration configuration) => Include(new PasswordRule<ResetPasswordRequest>(r => r.Password, configuration));
}

/// <summary>An administrator sets a new password; the account's old sessions and tokens stop working.</summary>
public static class ResetPasswordEndpoint
{
    [WolverinePost(Routes.AccountPassword)]
    [Administers]
    public static async Task<IResult> Post(string name, ResetPasswordRequest request, Accounts accounts, IDocumentSession session, ClaimsPrincipal user,
        CancellationToken cancellation) =>
        await accounts.ResetPasswordAsync(session, name, request.Password, Actors.Of(user), cancellation)
            ? Results.NoContent()
            : Problems.NotFound(new BilingualText($"Không có tài khoản '{name}'.", $"There is no account '{name}'."));
}
