using System.Globalization;
using FluentValidation;

namespace ElectionPrep.Http;

/// <summary>Vietnamese first, English second: the two cultures every message a person reads is written in.</summary>
public static class Bilingual
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>A validation message in the language of the culture the validator runs under.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string vi, string en) =>
        rule.WithMessage(_ => IsVietnamese ? vi : en);

    /// <summary>As above, for messages built from the request being validated.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, Func<T, string> vi, Func<T, string> en) =>
        rule.WithMessage(instance => IsVietnamese ? vi(instance) : en(instance));

    private static bool IsVietnamese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "vi";

    /// <summary>Runs <paramref name="action"/> with <paramref name="culture"/> as the UI culture, restoring the previous one after.</summary>
    public static async Task<T> InCultureAsync<T>(CultureInfo culture, Func<Task<T>> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return await action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
