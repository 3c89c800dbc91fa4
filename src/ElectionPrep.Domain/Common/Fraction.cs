using System.Globalization;

namespace ElectionPrep.Common;

/// <summary>
/// Tỷ lệ: an exact share such as 35% or 2/3. Legal thresholds are compared in integers so that
/// 34.99% never rounds up to 35% and two thirds is exactly two thirds.
/// </summary>
public readonly record struct Fraction
{
    public Fraction(int numerator, int denominator)
    {
        if (denominator <= 0) throw new ArgumentOutOfRangeException(nameof(denominator), "The denominator must be positive.");
        if (numerator < 0 || numerator > denominator) throw new ArgumentOutOfRangeException(nameof(numerator), "A share lies between 0 and 1.");
        Numerator = numerator;
        Denominator = denominator;
    }

    public int Numerator { get; }

    public int Denominator { get; }

    /// <summary>The share in percent, to two decimals (2/3 is 66.67), for drawing and writing it; comparisons use the fraction itself.</summary>
    public decimal Percent => Math.Round(100m * Numerator / Denominator, 2, MidpointRounding.AwayFromZero);

    /// <summary>True when <paramref name="part"/> of <paramref name="whole"/> is at least this share.</summary>
    public bool IsMetBy(int part, int whole) => (long)part * Denominator >= (long)Numerator * whole;

    /// <summary>True when <paramref name="part"/> of <paramref name="whole"/> is strictly more than this share.</summary>
    public bool IsExceededBy(int part, int whole) => (long)part * Denominator > (long)Numerator * whole;

    /// <summary>Parses "35%", "88.02%" (at most two decimals), "2/3" or "1/2".</summary>
    public static bool TryParse(string? text, out Fraction fraction)
    {
        fraction = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        int numerator, denominator;
        if (text.EndsWith('%'))
        {
            var percent = text[..^1];
            var point = percent.IndexOf('.', StringComparison.Ordinal);
            var decimals = point < 0 ? 0 : percent.Length - point - 1;
            if (decimals > 2 || !int.TryParse(percent.Replace(".", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out numerator)) return false;
            denominator = decimals == 0 ? 100 : decimals == 1 ? 1000 : 10000;
        }
        else
        {
            var parts = text.Split('/');
            if (parts.Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out numerator)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out denominator)) return false;
        }

        if (denominator <= 0 || numerator > denominator) return false;
        fraction = new Fraction(numerator, denominator);
        return true;
    }

    public static Fraction Parse(string text) =>
        TryParse(text, out var fraction) ? fraction : throw new FormatException($"'{text}' is not a share such as 35% or 2/3.");

    /// <summary>"35%", "88.02%" for hundredths and ten-thousandths, otherwise "2/3".</summary>
    public override string ToString() => Denominator switch
    {
        100 => $"{Numerator}%",
        1000 => $"{(Numerator / 10m).ToString(CultureInfo.InvariantCulture)}%",
        10000 => $"{(Numerator / 100m).ToString(CultureInfo.InvariantCulture)}%",
        _ => $"{Numerator}/{Denominator}",
    };
}
