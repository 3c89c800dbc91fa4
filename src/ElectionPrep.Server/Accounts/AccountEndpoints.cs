using System.Security.Claims;
using ElectionPrep.Common;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.Accounts;

/// <summary>The body of POST /api/accounts.</summary>
/// <param name="Body">The body the account acts for (e.g. FrontStandingBoard): its dashboard shows that body's inbox.</param>
/// <param name="Jurisdiction">The unit it acts in and beneath; none for national accounts and observers.</param>
public sealed record CreateAccountRequest(string Name, string Password, IReadOnlyList<ActorRole> Roles, Body? Body, string? Jurisdiction);

/// <summary>The body of POST /api/accounts/{name}/password.</summary>
public sealed record ResetPasswordRequest(string Password);

/// <summary>An account as administrators see it: never its password hash.</summary>
public sealed record AccountView(string Name, IReadOnlyList<ActorRole> Roles, string? Body, string? Jurisdiction, DateTimeOffset CreatedAt);

public sealed class CreateAccountRequestValidator : AbstractValidator<CreateAccountRequest>
{
    public CreateAccountRequestValidator(SeedCatalog seeds, IConfiguration configuration)
    {
        RuleFor(r => r.Name).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Cần tên đăng nhập.", "The account name is required.")
            .Matches("^[a-z0-9][a-z0-9.-]{2,39}$").WithMessage("Tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm hoặc gạch ngang.", "An account name has 3–40 lowercase letters, digits, dots or dashes.");
        Include(new PasswordRule<CreateAccountRequest>(r => r.Password, configuration));
        RuleFor(r => r.Roles).NotEmpty().WithMessage("Cần ít nhất một vai trò.", "At least one role is required.");
        RuleForEach(r => r.Roles).IsInEnum().WithMessage("Vai trò không hợp lệ.", "Unknown role.");
        RuleFor(r => r.Body).IsInEnum().WithMessage("Cơ quan không hợp lệ.", "Unknown body.");
        RuleFor(r => r.Jurisdiction).Must(code => seeds.Units.Find(code) is not null).When(r => !string.IsNullOrEmpty(r.Jurisdiction))
            .WithMessage("Không có đơn vị hành chính này.", "No administrative unit has this code.");
    }
}

public sealed class ResetPasswordRequestValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordRequestValidator(IConfiguration configuration) => Include(new PasswordRule<ResetPasswordRequest>(r => r.Password, configuration));
}

/// <summary>A password long enough to resist guessing; the length is a setting (Accounts:MinimumPasswordLength), not a legal figure.</summary>
public sealed class PasswordRule<T> : AbstractValidator<T>
{
    public PasswordRule(System.Linq.Expressions.Expression<Func<T, string>> password, IConfiguration configuration)
    {
        var minimum = configuration.GetValue("Accounts:MinimumPasswordLength", 12);
        RuleFor(password).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Cần mật khẩu.", "The password is required.").MinimumLength(minimum)
            .WithMessage($"Mật khẩu cần ít nhất {minimum} ký tự.", $"A password needs at least {minimum} characters.");
    }
}

/// <summary>Quản lý tài khoản: administrators create accounts, scope them and reset passwords; each change is an audited event.</summary>
public static class AccountEndpoints
{
    public const string AccountExists = "account-exists";

    [WolverineGet(Routes.Accounts)]
    [Administers]
    public static async Task<IReadOnlyList<AccountView>> List(IQuerySession session, CancellationToken cancellation) =>
        [.. (await session.Query<Account>().ToListAsync(cancellation)).OrderBy(account => account.Id, StringComparer.Ordinal).Select(View)];

    [WolverinePost(Routes.Accounts)]
    [Administers]
    public static async Task<IResult> Create(CreateAccountRequest request, Accounts accounts, IDocumentSession session, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var created = await accounts.CreateAsync(session, request.Name, request.Password, request.Roles, request.Body?.ToString(), NullIfEmpty(request.Jurisdiction),
            Actors.Of(user), cancellation);
        return created is null
            ? Problems.Refused(new Refusal(AccountExists, new BilingualText($"Đã có tài khoản '{request.Name}'.", $"There is already an account '{request.Name}'.")))
            : Results.Created(Routes.For(Routes.AccountPassword, created.Id), View(created));
    }

    [WolverinePost(Routes.AccountPassword)]
    [Administers]
    public static async Task<IResult> ResetPassword(string name, ResetPasswordRequest request, Accounts accounts, IDocumentSession session, ClaimsPrincipal user,
        CancellationToken cancellation) =>
        await accounts.ResetPasswordAsync(session, name, request.Password, Actors.Of(user), cancellation)
            ? Results.NoContent()
            : Problems.NotFound(new BilingualText($"Không có tài khoản '{name}'.", $"There is no account '{name}'."));

    private static AccountView View(Account account) => new(account.Id, account.Roles, account.Body, account.Jurisdiction, account.CreatedAt);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
