using Marten.Events;
using JasperFx.Events;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using CsvHelper;
using ElectionPrep.Candidates;
using ElectionPrep.Common;
using ElectionPrep.Quotas;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.CandidateLists;

/// <summary>
/// Danh sách chính thức for the public, per constituency in legal order: the fields posted with the list (Luật 85
/// Điều 59), and whether the candidate sits now on a council of the level (the short biography says so), which the
/// re-election targets count; nothing protected. Candidates removed or withdrawn after publication are left out.
/// Each column has its Vietnamese header, then its English one; a list read back may have either, and may lack any
/// column but the constituency and the name (a rule whose column is missing is then not evaluable). Values are written
/// in Vietnamese (Nam/Nữ, Có/Không), as the printed list shows them; the English ones are read too.
/// </summary>
[CsvRecord]
public sealed partial record OfficialListRow(
    [CsvColumn("Mã đơn vị bầu cử", "constituency_id")] string ConstituencyId,
    [CsvColumn("Đơn vị bầu cử", "constituency", Optional = true)] string ConstituencyName,
    [CsvColumn(OfficialListColumns.SeatsVi, OfficialListColumns.SeatsEn, Optional = true)] int Seats,
    [CsvColumn("Số thứ tự", "order", Optional = true)] int Order,
    [CsvColumn("Họ và tên", "full_name")] string FullName,
    [CsvColumn(OfficialListColumns.DateOfBirthVi, OfficialListColumns.DateOfBirthEn, Optional = true), CsvFormat("yyyy-MM-dd")] DateOnly DateOfBirth,
    [CsvColumn(OfficialListColumns.GenderVi, OfficialListColumns.GenderEn, Optional = true)] Gender Gender,
    [CsvColumn(OfficialListColumns.EthnicityVi, OfficialListColumns.EthnicityEn, Optional = true)] string Ethnicity,
    [CsvColumn("Tôn giáo", "religion", Optional = true)] string Religion,
    [CsvColumn("Nơi cư trú", "residence", Optional = true)] string Residence,
    [CsvColumn("Trình độ học vấn", "education", Optional = true)] string Education,
    [CsvColumn("Nghề nghiệp, chức vụ", "profession", Optional = true)] string Profession,
    [CsvColumn("Nơi công tác", "workplace", Optional = true)] string Workplace,
    [CsvColumn(OfficialListColumns.PartyMemberVi, OfficialListColumns.PartyMemberEn, Optional = true), CsvBooleanValues([OfficialListRow.Yes, "yes"], [OfficialListRow.No, "no"])] bool PartyMember,
    [CsvColumn(OfficialListColumns.NominatedByVi, OfficialListColumns.NominatedByEn, Optional = true)] string NominatedBy,
    [CsvColumn(OfficialListColumns.IncumbentVi, OfficialListColumns.IncumbentEn, Optional = true), CsvBooleanValues([OfficialListRow.Yes, "yes"], [OfficialListRow.No, "no"])] bool Incumbent)
{
    /// <summary>What the yes-or-no columns say, in the CSV and the printed list alike.</summary>
    public const string Yes = "Có";
    public const string No = "Không";
}

/// <summary>The language of an official-list CSV's header row; the values read the same in both.</summary>
public enum HeaderLanguage
{
    Vi,
    En,
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
        if (await PublicationAsync(processId, session, cancellation) is not { } published) return;
        var leaf = await session.LoadAsync<Audit.AuditLeaf>(published.Sequence, cancellation);
        if (leaf is null) return;
        var checkpoint = await session.Query<Audit.AuditCheckpoint>().Where(c => c.Id > leaf.Index).OrderBy(c => c.Id).FirstOrDefaultAsync(cancellation);
        if (checkpoint is not null) response.Headers[CheckpointHeader] = $"{checkpoint.Id} {checkpoint.RootHash}";
    }

    /// <summary>
    /// The list's latest publication event, found by its type in the list's stream: the stream holds every filing and
    /// placement of the process (thousands for a province), so it is not read whole to find one event.
    /// </summary>
    public static Task<IEvent?> PublicationAsync(string processId, IQuerySession session, CancellationToken cancellation) =>
        session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey == CandidateList.IdFor(processId) && e.EventTypesAre(typeof(OfficialListPublished)))
            .OrderByDescending(e => e.Sequence)
            .FirstOrDefaultAsync(cancellation)!;

    /// <summary>With Vietnamese headers, or English ones with ?lang=En.</summary>
    [WolverineGet(Routes.OfficialListCsv)]
    [AllowAnonymous]
    public static async Task<IResult> Csv(string id, HeaderLanguage? lang, IQuerySession session, SeedCatalog seeds, HttpResponse response, CancellationToken cancellation)
    {
        if (await RowsAsync(id, session, seeds, cancellation) is not { } rows) return NotPublished(id);
        await AddCheckpointAsync(id, session, response, cancellation);

        return CsvFile.Of(rows, $"{id}.official-list.csv", lang == HeaderLanguage.En ? OfficialListColumns.EnglishHeader : null);
    }

    public static async Task<IReadOnlyList<OfficialListRow>?> RowsAsync(string processId, IQuerySession session, SeedCatalog seeds, CancellationToken cancellation)
    {
        var list = await session.LoadAsync<CandidateList>(CandidateList.IdFor(processId), cancellation);
        if (list?.Official is not { } official || await session.LoadAsync<ConsultationProcess>(processId, cancellation) is not { } process) return null;

        var candidacies = (await session.LoadManyAsync<Candidacy>(cancellation, list.Entries.Select(entry => entry.CandidacyId).ToArray())).ToDictionary(c => c.Id);
        return official.SelectMany(entry =>
        {
            var constituency = list.Constituencies.Single(c => c.Id == entry.ConstituencyId);
            return entry.CandidacyIds
                .Where(id => list.Entry(id)?.Status == ListEntryStatus.Standing)
                .Select((id, index) => RowOf(constituency, index + 1, candidacies[id].Dossier, process, seeds));
        }).ToList();
    }

    /// <summary>
    /// A candidate's public columns, at <paramref name="order"/> in the constituency (none yet on the preliminary list). A
    /// unit code names a unit only with a day: the residence is named as it stood in the process's term.
    /// </summary>
    public static OfficialListRow RowOf(Constituency? constituency, int order, CandidateDossier dossier, ConsultationProcess process, SeedCatalog seeds) =>
        new(constituency?.Id ?? "", constituency?.Name ?? "", constituency?.Seats ?? 0, order, dossier.FullName, dossier.DateOfBirth, dossier.Gender,
            dossier.Ethnicity, dossier.Religion, seeds.UnitNameOf(dossier.ResidenceUnitCode, process.TermId), dossier.Education,
            dossier.Profession, dossier.Workplace, dossier.PartyMember, dossier.Nomination?.NominatingBody ?? SelfNominated,
            CandidateAttributes.IsIncumbent(dossier, process.Council));

    private static IResult NotPublished(string processId) =>
        Problems.NotFound(new BilingualText($"Quy trình '{processId}' chưa công bố danh sách chính thức.", $"Process '{processId}' has not published an official list."));
}

/// <summary>
/// Tiêu đề cột: the official-list CSV's headers that the quota rules read (Vietnamese, English), the English header
/// row, and which column tells each attribute the rules count.
/// </summary>
public static class OfficialListColumns
{
    public const string SeatsVi = "Số đại biểu được bầu";
    public const string SeatsEn = "seats";
    public const string DateOfBirthVi = "Ngày sinh";
    public const string DateOfBirthEn = "date_of_birth";
    public const string GenderVi = "Giới tính";
    public const string GenderEn = "gender";
    public const string EthnicityVi = "Dân tộc";
    public const string EthnicityEn = "ethnicity";
    public const string PartyMemberVi = "Đảng viên";
    public const string PartyMemberEn = "party_member";
    public const string NominatedByVi = "Cơ quan, tổ chức giới thiệu";
    public const string NominatedByEn = "nominated_by";
    public const string IncumbentVi = "Đại biểu đương nhiệm";
    public const string IncumbentEn = "incumbent";

    /// <summary>The English header row, in column order: each column's second name.</summary>
    public static IReadOnlyList<string> EnglishHeader { get; } = typeof(OfficialListRow).GetConstructors().Single(constructor => constructor.GetParameters().Length > 1)
        .GetParameters().Select(parameter => parameter.GetCustomAttribute<CsvColumnAttribute>()!.AlternateNames[0]).ToList();

    /// <summary>
    /// The column that tells each attribute the rules count. A public list never carries the full-time proposal or
    /// where a candidate works: those are named only to say a rule on them cannot be evaluated from a list.
    /// </summary>
    public static IReadOnlyDictionary<string, BilingualText> ForAttribute { get; } = new Dictionary<string, BilingualText>
    {
        [CandidateAttributes.Woman] = new(GenderVi, GenderEn),
        [CandidateAttributes.EthnicMinority] = new(EthnicityVi, EthnicityEn),
        [CandidateAttributes.NonParty] = new(PartyMemberVi, PartyMemberEn),
        [CandidateAttributes.Young] = new(DateOfBirthVi, DateOfBirthEn),
        [CandidateAttributes.Incumbent] = new(IncumbentVi, IncumbentEn),
        [CandidateAttributes.SelfNominee] = new(NominatedByVi, NominatedByEn),
        [CandidateAttributes.FullTime] = new("Đại biểu chuyên trách", "full_time"),
        [CandidateAttributes.LivesAndWorksInProvince] = new("Sinh sống và làm việc tại tỉnh", "lives_and_works_in_province"),
    };
}
