using ElectionPrep.CandidateLists;
using ElectionPrep.Common;

namespace ElectionPrep.Spreadsheets;

/// <summary>
/// Bảng tính xếp người ứng cử vào đơn vị bầu cử: one candidate a row, named as a person knows them (full name, and the
/// date of birth where two share a name) and the constituency's code, as POST …/assignments/batches takes them.
/// </summary>
public static class PlacementSheet
{
    public static readonly SheetColumn FullName = new("Họ và tên", "full_name", new("Như trong danh sách người ứng cử.", "As on the list of candidates."), nameof(CandidatePlacement.CandidacyId), Required: true);
    public static readonly SheetColumn DateOfBirth = new(OfficialListColumns.DateOfBirthVi, OfficialListColumns.DateOfBirthEn, new("dd/MM/yyyy; cần khi có người trùng tên.", "dd/MM/yyyy; needed where two share a name."), null);
    public static readonly SheetColumn ConstituencyId = new("Mã đơn vị bầu cử", "constituency_id", new("Mã đơn vị bầu cử đã công bố.", "A published constituency's code."), nameof(CandidatePlacement.ConstituencyId), Required: true);

    public static readonly SheetKind Kind = new("assignments", new("Xếp vào đơn vị bầu cử", "Placements"), [FullName, DateOfBirth, ConstituencyId], nameof(AssignConstituenciesRequest.Assignments));

    /// <summary>A person on the list, as a row may name them.</summary>
    public sealed record Standing(string CandidacyId, string FullName, DateOnly DateOfBirth);

    /// <summary>The sheet's placements, decided on the list as it stands when they are sent.</summary>
    public static AssignConstituenciesRequest Batch(IReadOnlyList<SheetRow> rows, IReadOnlyList<Standing> standing) =>
        new([.. rows.Select(row => Read(row, standing))], null);

    /// <summary>The placement a row holds, its candidate found among <paramref name="standing"/> by name (and date of birth).</summary>
    public static CandidatePlacement Read(SheetRow row, IReadOnlyList<Standing> standing)
    {
        var name = row.Text(FullName);
        var born = row.OptionalDate(DateOfBirth);
        var matches = standing.Where(person => string.Equals(person.FullName, name, StringComparison.OrdinalIgnoreCase) && (born is null || person.DateOfBirth == born)).ToList();
        // Named here, so the validator's word for an empty id (which a person never sees) is not shown for this cell.
        if (matches.Count != 1)
        {
            row.Flaw(FullName, name.Length == 0 ? new BilingualText("Cần họ và tên người ứng cử.", "The candidate's full name is required.")
                : matches.Count == 0 ? new BilingualText("Không có người ứng cử này trong danh sách.", "No candidate on the list has this name and date of birth.")
                : new BilingualText("Có nhiều người trùng tên; ghi thêm ngày sinh.", "Several candidates share this name; add the date of birth."));
        }

        return new CandidatePlacement(matches.Count == 1 ? matches[0].CandidacyId : "", row.Text(ConstituencyId));
    }
}
