using System.Globalization;
using CsvHelper;
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
[CsvRecord]
public sealed partial record OfficialListRow(
    [CsvColumn("constituency_id")] string ConstituencyId,
    [CsvColumn("constituency")] string ConstituencyName,
    [CsvColumn("seats")] int Seats,
    [CsvColumn("order")] int Order,
    [CsvColumn("full_name")] string FullName,
    [CsvColumn("date_of_birth"), CsvFormat("yyyy-MM-dd")] DateOnly DateOfBirth,
    [CsvColumn("gender")] Gender Gender,
    [CsvColumn("ethnicity")] string Ethnicity,
    [CsvColumn("religion")] string Religion,
    [CsvColumn("residence")] string Residence,
    [CsvColumn("education")] string Education,
    [CsvColumn("profession")] string Profession,
    [CsvColumn("workplace")] string Workplace,
    [CsvColumn("party_member"), CsvBooleanValues("yes", "no")] bool PartyMember,
    [CsvColumn("nominated_by")] string NominatedBy);

public static class OfficialListExport
{
    /// <summary>What the nominated_by column says of a self-nominee.</summary>
    public const string SelfNominated = "Tự ứng cử";

    [WolverineGet(Routes.OfficialListJson)]
    public static async Task<IResult> Json(string id, IQuerySession session, SeedCatalog seeds, CancellationToken cancellation) =>
        await RowsAsync(id, session, seeds, cancellation) is { } rows ? Results.Ok(rows) : NotPublished(id);

    [WolverineGet(Routes.OfficialListCsv)]
    public static async Task<IResult> Csv(string id, IQuerySession session, SeedCatalog seeds, CancellationToken cancellation)
    {
        if (await RowsAsync(id, session, seeds, cancellation) is not { } rows) return NotPublished(id);

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text))
        {
            csv.WriteHeader<OfficialListRow>();
            csv.WriteRecords(rows);
            csv.Flush();
        }

        // A byte order mark lets spreadsheet programs read the Vietnamese letters as UTF-8.
        return Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())], "text/csv; charset=utf-8", $"{id}.official-list.csv");
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
                        dossier.Profession, dossier.Workplace, dossier.PartyMember, dossier.Nomination?.NominatingBody ?? SelfNominated);
                });
        }).ToList();
    }

    private static IResult NotPublished(string processId) =>
        Problems.NotFound(new Common.BilingualText($"Quy trình '{processId}' chưa công bố danh sách chính thức.", $"Process '{processId}' has not published an official list."));
}
