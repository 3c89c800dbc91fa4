using System.Globalization;
using ElectionPrep.Common;

namespace ElectionPrep.Pages;

/// <summary>
/// What the pages show a person: Vietnamese unless they switched to English, dates as dd/MM/yyyy in Vietnam time and
/// numbers in the request's culture (set by the language switch, <see cref="LanguageSwitch"/>).
/// </summary>
public static class Ui
{
    /// <summary>Vietnamese alphabetical order (Ă after A, Đ after D) for every sorted list a person reads.</summary>
    public static readonly StringComparer Collation = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Lang => English ? "en" : "vi";

    public static string T(string vi, string en) => English ? en : vi;

    public static string T(BilingualText text) => English ? text.En : text.Vi;

    public static string Date(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset? at, TimeZoneInfo zone) => at is { } value ? DateTime(value, zone) : "—";

    /// <summary>The zone's UTC offset as "+07:00", for a time a person picks in a form (the term's zone has no daylight saving).</summary>
    public static string Offset(TimeZoneInfo zone)
    {
        var offset = zone.BaseUtcOffset;
        return (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>What a date field takes (forms.js reads it): dd/mm/yyyy with '/', '.' or '-', or eight digits from a phone's number pad.</summary>
    public const string DatePattern = @"\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{4}|\d{8}";

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Number(decimal value, int decimals = 0) => value.ToString($"N{decimals}", CultureInfo.CurrentCulture);

    /// <summary>A percentage in the reader's language, one way throughout: 33,33 % in Vietnamese, 33.33% in English.</summary>
    public static string Percent(decimal percent) => T(Percentages.Of(percent));
}
