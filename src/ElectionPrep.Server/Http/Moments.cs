using System.Globalization;
using System.Text.RegularExpressions;
using ElectionPrep.Common;

namespace ElectionPrep.Http;

/// <summary>
/// A moment asked for in an address: a time with its offset in the API ("Z", "+07:00" or any other), and on a page
/// also the time a person types, dd/MM/yyyy HH:mm in the term's own time, whatever the browser's locale.
/// </summary>
public static partial class Moments
{
    public static readonly BilingualText NotAMoment = new(
        "Không đọc được thời điểm; ghi ngày giờ kèm múi giờ, ví dụ 2021-03-09T08:00+07:00.",
        "Not a time that can be read; give the date and time with its offset, e.g. 2021-03-09T08:00+07:00.");

    public static readonly BilingualText NotATypedMoment = new(
        "Không đọc được thời điểm; ghi ngày giờ Việt Nam theo dạng dd/mm/yyyy HH:mm, ví dụ 09/03/2021 08:00.",
        "Not a time that can be read; write it in Vietnam time as dd/mm/yyyy HH:mm, e.g. 09/03/2021 08:00.");

    /// <summary>
    /// Day first as Vietnam writes it (a day alone is its first minute; the time may come first, as the pages show it),
    /// and the ISO form without an offset that links and older bookmarks carry.
    /// </summary>
    private static readonly string[] PickedFormats =
    [
        "d'/'M'/'yyyy H':'mm", "H':'mm d'/'M'/'yyyy", "d'/'M'/'yyyy",
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

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
    /// A moment typed on a page: "09/03/2021 08:00" in <paramref name="zone"/>, or a time with its own offset; null when
    /// empty, false when it cannot be read (31/02/2021 is no day).
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

        if (!DateTime.TryParseExact(text, PickedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var local)) return false;
        moment = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return true;
    }
}
