using System.Globalization;
using System.Text.RegularExpressions;
using ElectionPrep.Common;

namespace ElectionPrep.Http;

/// <summary>
/// A moment asked for in an address: a time with its offset in the API ("Z", "+07:00" or any other), and on a page
/// also the time a person picks, which is the term's own time.
/// </summary>
public static partial class Moments
{
    public static readonly BilingualText NotAMoment = new(
        "Không đọc được thời điểm; ghi ngày giờ kèm múi giờ, ví dụ 2021-03-09T08:00+07:00.",
        "Not a time that can be read; give the date and time with its offset, e.g. 2021-03-09T08:00+07:00.");

    private static readonly string[] PickedFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}T[\d:.]+) (\d{2}(:?\d{2})?)$")]
    private static partial Regex SpaceForPlus();

    [GeneratedRegex(@"(Z|[+-]\d{2}(:?\d{2})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Offset();

    /// <summary>A time with its offset, as the API takes it.</summary>
    public static bool TryParse(string value, out DateTimeOffset moment) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out moment);

    /// <summary>The value with the '+' of its offset put back, where the address turned it into a space.</summary>
    public static string LostPlus(string value) => SpaceForPlus().Replace(value, "$1+$2");

    /// <summary>
    /// A moment picked on a page: "2021-03-09T08:00" as the date-time field sends it, in <paramref name="zone"/>, or a
    /// time with its own offset; null when empty, false when it cannot be read.
    /// </summary>
    public static bool TryParsePicked(string? value, TimeZoneInfo zone, out DateTimeOffset? moment)
    {
        moment = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        var text = LostPlus(value.Trim());
        if (Offset().IsMatch(text))
        {
            if (!TryParse(text, out var withOffset)) return false;
            moment = withOffset;
            return true;
        }

        if (!DateTime.TryParseExact(text, PickedFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        moment = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return true;
    }
}
