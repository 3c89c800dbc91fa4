using CsvHelper;
using ElectionPrep.Candidates;

[assembly: CsvConverter(typeof(ElectionPrep.CandidateLists.GenderCsvConverter))]

namespace ElectionPrep.CandidateLists;

/// <summary>
/// Giới tính in every CSV the server writes: "Nam" and "Nữ", as the printed lists say; a file read back may say either
/// those or the English member names.
/// </summary>
public sealed class GenderCsvConverter : ICsvConverter<Gender>
{
    public static string Vietnamese(Gender gender) => gender == Gender.Female ? "Nữ" : "Nam";

    public Gender Read(CsvReader reader, int index)
    {
        var text = reader.GetString(index).Trim();
        return Enum.GetValues<Gender>().Cast<Gender?>().FirstOrDefault(gender =>
                   string.Equals(text, Vietnamese(gender!.Value), StringComparison.OrdinalIgnoreCase) || string.Equals(text, gender.ToString(), StringComparison.OrdinalIgnoreCase))
               ?? throw new FormatException($"'{text}' is not a gender: expected Nam or Nữ");
    }

    public void Write(CsvWriter writer, Gender value) => writer.WriteField(Vietnamese(value));
}
