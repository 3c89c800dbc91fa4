using System.Globalization;
using System.Text;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.CandidateLists;

/// <summary>
/// Danh sách chính thức for the public, per constituency in legal order: the fields posted with the list (Luật 85
/// Điều 59) and nothing protected. Candidates removed or withdrawn after publication are left out.
/// </summary>
public sealed record OfficialListRow(
    string ConstituencyId,
    string ConstituencyName,
    int Seats,
    int Order,
    string FullName,
    DateOnly DateOfBirth,
    Gender Gender,
    string Ethnicity,
    string Religion,
    string Residence,
    string Education,
    string Profession,
    string Workplace,
    bool PartyMember,
    string NominatedBy);

public static class OfficialListExport
{
    [WolverineGet(Routes.OfficialListJson)]
    public static async Task<IResult> Json(string id, IQuerySession session, SeedCatalog seeds, CancellationToken cancellation) =>
        await RowsAsync(id, session, seeds, cancellation) is { } rows ? Results.Ok(rows) : NotPublished(id);

    [WolverineGet(Routes.OfficialListCsv)]
    public static async Task<IResult> Csv(string id, IQuerySession session, SeedCatalog seeds, CancellationToken cancellation)
    {
        if (await RowsAsync(id, session, seeds, cancellation) is not { } rows) return NotPublished(id);

        var csv = new StringBuilder("constituency_id,constituency,seats,order,full_name,date_of_birth,gender,ethnicity,religion,residence,education,profession,workplace,party_member,nominated_by\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', new[]
            {
                row.ConstituencyId, row.ConstituencyName, row.Seats.ToString(CultureInfo.InvariantCulture), row.Order.ToString(CultureInfo.InvariantCulture),
                row.FullName, row.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Gender.ToString(), row.Ethnicity, row.Religion,
                row.Residence, row.Education, row.Profession, row.Workplace, row.PartyMember ? "yes" : "no", row.NominatedBy,
            }.Select(Field)).Append('\n');
        }

        // A byte order mark lets spreadsheet programs read the Vietnamese letters as UTF-8.
        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"{id}.official-list.csv");
    }

    private static async Task<IReadOnlyList<OfficialListRow>?> RowsAsync(string processId, IQuerySession session, SeedCatalog seeds, CancellationToken cancellation)
    {
        var list = await session.LoadAsync<CandidateList>(CandidateList.IdFor(processId), cancellation);
        if (list?.Official is not { } official) return null;

        var candidacies = (await session.LoadManyAsync<Candidacy>(cancellation, list.Entries.Select(entry => entry.CandidacyId).ToArray())).ToDictionary(c => c.Id);
        return official.SelectMany(entry =>
        {
            var constituency = list.Constituencies.Single(c => c.Id == entry.ConstituencyId);
            return entry.CandidacyIds
                .Where(id => list.Entry(id)?.Status == ListEntryStatus.Standing)
                .Select((id, index) =>
                {
                    var dossier = candidacies[id].Dossier;
                    return new OfficialListRow(constituency.Id, constituency.Name, constituency.Seats, index + 1, dossier.FullName, dossier.DateOfBirth, dossier.Gender,
                        dossier.Ethnicity, dossier.Religion, seeds.Units.Find(dossier.ResidenceUnitCode)?.Name ?? dossier.ResidenceUnitCode, dossier.Education,
                        dossier.Profession, dossier.Workplace, dossier.PartyMember, dossier.Nomination?.NominatingBody ?? "Tự ứng cử");
                });
        }).ToList();
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static IResult NotPublished(string processId) =>
        Problems.NotFound(new Common.BilingualText($"Quy trình '{processId}' chưa công bố danh sách chính thức.", $"Process '{processId}' has not published an official list."));
}
