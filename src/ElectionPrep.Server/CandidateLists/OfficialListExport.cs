using Microsoft.AspNetCore.Authorization;
using CsvHelper;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.CandidateLists;

/// <summary>
/// Danh sách chính thức for the public, per constituency in legal order: the fields posted with the list (Luật 85
/// Điều 59) and nothing protected. Candidates removed or withdrawn after publication are left out. Headers and values are
/// written in Vietnamese; a list read back may also have the earlier English headers and values.
/// </summary>
[CsvRecord]
public sealed partial record OfficialListRow(
    [CsvColumn("Mã đơn vị bầu cử", "constituency_id")] string ConstituencyId,
    [CsvColumn("Đơn vị bầu cử", "constituency")] string ConstituencyName,
    [CsvColumn("Số đại biểu được bầu", "seats")] int Seats,
    [CsvColumn("Số thứ tự", "order")] int Order,
    [CsvColumn("Họ và tên", "full_name")] string FullName,
    [CsvColumn("Ngày sinh", "date_of_birth"), CsvFormat("yyyy-MM-dd")] DateOnly DateOfBirth,
    [CsvColumn("Giới tính", "gender")] Gender Gender,
    [CsvColumn("Dân tộc", "ethnicity")] string Ethnicity,
    [CsvColumn("Tôn giáo", "religion")] string Religion,
    [CsvColumn("Nơi cư trú", "residence")] string Residence,
    [CsvColumn("Trình độ học vấn", "education")] string Education,
    [CsvColumn("Nghề nghiệp, chức vụ", "profession")] string Profession,
    [CsvColumn("Nơi công tác", "workplace")] string Workplace,
    [CsvColumn("Đảng viên", "party_member"), CsvBooleanValues([OfficialListRow.PartyMemberYes, "yes"], [OfficialListRow.PartyMemberNo, "no"])] bool PartyMember,
    [CsvColumn("Cơ quan, tổ chức giới thiệu", "nominated_by")] string NominatedBy)
{
    /// <summary>What the party-member column says, in the CSV and the printed list alike.</summary>
    public const string PartyMemberYes = "Có";
    public const string PartyMemberNo = "Không";
}

public static class OfficialListExport
{
    /// <summary>What the nominated_by column says of a self-nominee.</summary>
    public const string SelfNominated = "Tự ứng cử";

    /// <summary>The signed audit checkpoint covering the publication, as "size root-hash", in the Audit-Checkpoint header.</summary>
    public const string CheckpointHeader = "Audit-Checkpoint";

    [WolverineGet(Routes.OfficialListJson)]
    [AllowAnonymous]
    public static async Task<IResult> Json(string id, IQuerySession session, SeedCatalog seeds, HttpResponse response, CancellationToken cancellation)
    {
        if (await RowsAsync(id, session, seeds, cancellation) is not { } rows) return NotPublished(id);
        await AddCheckpointAsync(id, session, response, cancellation);
        return Results.Ok(rows);
    }

    /// <summary>
    /// Names the first signed checkpoint whose tree includes the publication, so anyone holding the export can ask for
    /// its inclusion proof; absent until the audit log has caught up.
    /// </summary>
    private static async Task AddCheckpointAsync(string processId, IQuerySession session, HttpResponse response, CancellationToken cancellation)
    {
        var published = (await session.Events.FetchStreamAsync(CandidateList.IdFor(processId), token: cancellation)).LastOrDefault(e => e.Data is OfficialListPublished);
        if (published is null) return;
        var leaf = await session.LoadAsync<Audit.AuditLeaf>(published.Sequence, cancellation);
        if (leaf is null) return;
        var checkpoint = await session.Query<Audit.AuditCheckpoint>().Where(c => c.Id > leaf.Index).OrderBy(c => c.Id).FirstOrDefaultAsync(cancellation);
        if (checkpoint is not null) response.Headers[CheckpointHeader] = $"{checkpoint.Id} {checkpoint.RootHash}";
    }

    [WolverineGet(Routes.OfficialListCsv)]
    [AllowAnonymous]
    public static async Task<IResult> Csv(string id, IQuerySession session, SeedCatalog seeds, HttpResponse response, CancellationToken cancellation)
    {
        if (await RowsAsync(id, session, seeds, cancellation) is not { } rows) return NotPublished(id);
        await AddCheckpointAsync(id, session, response, cancellation);

        return CsvFile.Of(rows, $"{id}.official-list.csv");
    }

    public static async Task<IReadOnlyList<OfficialListRow>?> RowsAsync(string processId, IQuerySession session, SeedCatalog seeds, CancellationToken cancellation)
    {
        var list = await session.LoadAsync<CandidateList>(CandidateList.IdFor(processId), cancellation);
        if (list?.Official is not { } official) return null;

        var candidacies = (await session.LoadManyAsync<Candidacy>(cancellation, list.Entries.Select(entry => entry.CandidacyId).ToArray())).ToDictionary(c => c.Id);
        return official.SelectMany(entry =>
        {
            var constituency = list.Constituencies.Single(c => c.Id == entry.ConstituencyId);
            return entry.CandidacyIds
                .Where(id => list.Entry(id)?.Status == ListEntryStatus.Standing)
                .Select((id, index) => RowOf(constituency, index + 1, candidacies[id].Dossier, seeds));
        }).ToList();
    }

    /// <summary>A candidate's public columns, at <paramref name="order"/> in the constituency (none yet on the preliminary list).</summary>
    public static OfficialListRow RowOf(Constituency? constituency, int order, CandidateDossier dossier, SeedCatalog seeds) =>
        new(constituency?.Id ?? "", constituency?.Name ?? "", constituency?.Seats ?? 0, order, dossier.FullName, dossier.DateOfBirth, dossier.Gender,
            dossier.Ethnicity, dossier.Religion, seeds.Units.NameOf(dossier.ResidenceUnitCode), dossier.Education,
            dossier.Profession, dossier.Workplace, dossier.PartyMember, dossier.Nomination?.NominatingBody ?? SelfNominated);

    private static IResult NotPublished(string processId) =>
        Problems.NotFound(new Common.BilingualText($"Quy trình '{processId}' chưa công bố danh sách chính thức.", $"Process '{processId}' has not published an official list."));
}
