using ElectionPrep.CandidateLists;

namespace ElectionPrep.Spreadsheets;

/// <summary>
/// Bảng tính đơn vị bầu cử: one constituency a row, with the official list CSV's headers, as POST …/constituencies takes
/// them; the publishing decision's reference is the upload form's, not a column.
/// </summary>
public static class ConstituencySheet
{
    public static readonly SheetColumn Id = new("Mã đơn vị bầu cử", "constituency_id", new("Mã ngắn, không trùng, ví dụ DV1.", "A short unique code, e.g. DV1."), nameof(Constituency.Id), Required: true);
    public static readonly SheetColumn Name = new("Đơn vị bầu cử", "constituency", new("Tên, ví dụ Đơn vị bầu cử số 1.", "Its name, e.g. Đơn vị bầu cử số 1."), nameof(Constituency.Name), Required: true);
    public static readonly SheetColumn Seats = new(OfficialListColumns.SeatsVi, OfficialListColumns.SeatsEn, new("Số nguyên, ít nhất 1.", "A whole number, at least 1."), nameof(Constituency.Seats), Required: true);

    public static readonly SheetKind Kind = new("constituencies", new("Đơn vị bầu cử", "Constituencies"), [Id, Name, Seats], nameof(PublishConstituenciesRequest.Constituencies));

    /// <summary>The sheet's constituencies, published under the decision <paramref name="decisionReference"/>.</summary>
    public static PublishConstituenciesRequest Batch(IReadOnlyList<SheetRow> rows, string decisionReference) =>
        new([.. rows.Select(Read)], decisionReference, null);

    public static Constituency Read(SheetRow row) => new(row.Text(Id), row.Text(Name), row.WholeNumber(Seats));
}
