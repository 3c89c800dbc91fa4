using FluentValidation;

namespace ElectionPrep.Http;

/// <summary>Numbers a request may not send below zero: stream versions it last read, and counts of people.</summary>
public static class CountRules
{
    public static IRuleBuilderOptions<T, long?> IsExpectedVersion<T>(this IRuleBuilder<T, long?> rule) =>
        rule.GreaterThanOrEqualTo(0).WithMessage("Phiên bản không được âm.", "The expected version cannot be negative.");

    public static IRuleBuilderOptions<T, int> IsCount<T>(this IRuleBuilder<T, int> rule) =>
        rule.GreaterThanOrEqualTo(0).WithMessage("Số lượng không được âm.", "A count cannot be negative.");

    /// <summary>A composition: how many of each attribute, none below zero.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyDictionary<string, int>?> IsComposition<T>(this IRuleBuilder<T, IReadOnlyDictionary<string, int>?> rule) =>
        rule.Must(composition => composition is null || composition.Values.All(count => count >= 0))
            .WithMessage("Số lượng theo cơ cấu không được âm.", "A count in the composition cannot be negative.");
}
