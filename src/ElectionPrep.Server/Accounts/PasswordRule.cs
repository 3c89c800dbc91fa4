using ElectionPrep.Http;
using FluentValidation;

namespace ElectionPrep.Accounts;

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
