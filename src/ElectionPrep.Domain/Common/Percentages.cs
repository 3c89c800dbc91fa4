using System.Globalization;

namespace ElectionPrep.Common;

/// <summary>
/// Tỷ lệ phần trăm as each language writes it, one way everywhere a person reads one: 33,33 % in Vietnamese (decimal
/// comma, a space before the sign) and 33.33% in English, with at most two decimals.
/// </summary>
public static class Percentages
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static BilingualText Of(decimal percent) =>
        new(percent.ToString("0.##", Vietnamese) + " %", percent.ToString("0.##", CultureInfo.InvariantCulture) + "%");
}
