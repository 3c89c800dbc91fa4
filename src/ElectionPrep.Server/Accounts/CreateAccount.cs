using System.Security.Claims;
using ElectionPrep.Common;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.Accounts;

/// <summary>The body of POST /api/accounts.</summary>
/// <param name="Body">The body the account acts for (e.g. FrontStandingBoard): its dashboard shows that body's inbox.</param>
/// <param name="Jurisdiction">The unit it acts in and beneath; none for national accounts and observers.</param>
/// <param name="FullName">The holder's full name, printed in the signature blocks of the forms they sign.</param>
/// <param name="Title">The holder's title (chức vụ), printed above their name; given with the full name or not at all.</param>
public sealed record CreateAccountRequest(string Name, string Password, IReadOnlyList<ActorRole> Roles, Body? Body, string? Jurisdiction, string? FullName = null, string? Title = null);

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
        RuleFor(r => r.Title).NotEmpty().When(r => !string.IsNullOrWhiteSpace(r.FullName))
            .WithMessage("Cần chức vụ của người ký, đi kèm họ và tên.", "The title is required with the full name: the forms print both.");
        RuleFor(r => r.FullName).NotEmpty().When(r => !string.IsNullOrWhiteSpace(r.Title))
            .WithMessage("Cần họ và tên của người ký, đi kèm chức vụ.", "The full name is required with the title: the forms print both.");
    }
}

/// <summary>An administrator creates an account and scopes it to a body and unit; the account's events are audited like any other.</summary>
public static class CreateAccountEndpoint
{
    public const string AccountExists = "account-exists";

    [WolverinePost(Routes.Accounts)]
    [Administers]
    public static async Task<IResult> Post(CreateAccountRequest request, Accounts accounts, IDocumentSession session, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var created = await accounts.CreateAsync(session, request.Name, request.Password, request.Roles, request.Body?.ToString(), NullIfEmpty(request.Jurisdiction),
            Actors.Of(user), cancellation, signatory: string.IsNullOrWhiteSpace(request.FullName) ? null : new Signatory(request.FullName.Trim(), request.Title!.Trim()));
        return created is null
            ? Problems.Refused(new Refusal(AccountExists, new BilingualText($"Đã có tài khoản '{request.Name}'.", $"There is already an account '{request.Name}'.")))
            : Results.Created(Routes.For(Routes.AccountPassword, created.Id), AccountView.Of(created));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
