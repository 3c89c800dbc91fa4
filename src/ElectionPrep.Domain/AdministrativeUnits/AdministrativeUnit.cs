using ElectionPrep.Terms;

namespace ElectionPrep.AdministrativeUnits;

/// <summary>
/// Đơn vị hành chính: a province, district or commune (or the nation itself), identified by its statistics
/// code (mã đơn vị hành chính). <paramref name="HasPeoplesCouncil"/> is false where the pilot urban
/// government abolished the council (e.g. districts and wards of Hồ Chí Minh City and Đà Nẵng).
/// </summary>
public sealed record AdministrativeUnit(
    string Code,
    string Name,
    string NameEn,
    UnitLevel Level,
    string Kind,
    string? ParentCode,
    bool HasPeoplesCouncil)
{
    /// <summary>The code of the nation as a whole, the jurisdiction of the central NA process.</summary>
    public const string NationCode = "VN";

    /// <summary>Whether a consultation process for this council kind can run in this unit.</summary>
    public bool Elects(CouncilKind council) =>
        council.JurisdictionLevel() == Level
        && (council.IsNationalAssembly() || HasPeoplesCouncil);
}

/// <summary>Danh mục đơn vị hành chính: the units known to this installation, by code.</summary>
public sealed class AdministrativeUnitCatalog
{
    private readonly Dictionary<string, AdministrativeUnit> byCode;

    public AdministrativeUnitCatalog(IEnumerable<AdministrativeUnit> units)
    {
        byCode = units.ToDictionary(unit => unit.Code, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<AdministrativeUnit> All => byCode.Values;

    public AdministrativeUnit? Find(string? code) =>
        code is not null && byCode.TryGetValue(code, out var unit) ? unit : null;

    /// <summary>The unit's name for people to read, or its code when this installation does not know it.</summary>
    public string NameOf(string code) => Find(code)?.Name ?? code;

    public IEnumerable<AdministrativeUnit> ChildrenOf(string code) =>
        byCode.Values.Where(unit => unit.ParentCode == code);
}
