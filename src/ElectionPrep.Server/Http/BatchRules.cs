using FluentValidation;

namespace ElectionPrep.Http;

/// <summary>The bounds every batch request keeps: at least one item, and no more than one short transaction holds.</summary>
public static class BatchRules
{
    /// <summary>A bound on one request, not a legal figure: a batch stays one short transaction (a province's lists are filed per council).</summary>
    public const int MostItems = 1000;

    /// <param name="vi">The item in Vietnamese ("hồ sơ").</param>
    /// <param name="en">The item in English, one and many ("dossier", "dossiers").</param>
    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>> IsBatch<T, TItem>(this IRuleBuilder<T, IReadOnlyList<TItem>> rule, string vi, (string One, string Many) en) =>
        rule.NotEmpty().WithMessage($"Cần ít nhất một {vi}.", $"At least one {en.One} is required.")
            .Must(items => items is null || items.Count <= MostItems).WithMessage($"Mỗi lần tối đa {MostItems} {vi}.", $"At most {MostItems} {en.Many} at a time.");
}
