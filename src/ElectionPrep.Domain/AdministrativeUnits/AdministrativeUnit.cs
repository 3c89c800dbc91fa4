using System.Globalization;
using ElectionPrep.Terms;

namespace ElectionPrep.AdministrativeUnits;

/// <summary>
/// Đơn vị hành chính: a province, district or commune (or the nation itself), identified by its statistics
/// code (mã đơn vị hành chính) over the period it is valid for. <paramref name="HasPeoplesCouncil"/> is false where
/// the pilot urban government abolished the council (e.g. districts and wards of Hồ Chí Minh City and Đà Nẵng).
/// </summary>
/// <param name="ValidFrom">The first day the unit exists in this shape; null when it predates every seeded term.</param>
/// <param name="ValidTo">The last day it exists in this shape (e.g. 30/6/2025 for the 63 provinces); null while it lasts.</param>
/// <remarks>A code can be reused by a later unit (Thái Nguyên kept 19 when it absorbed Bắc Kạn on 1/7/2025), so a
/// code names a unit only together with a day.</remarks>
public sealed record AdministrativeUnit(
    string Code,
    string Name,
    string NameEn,
    UnitLevel Level,
    string Kind,
    string? ParentCode,
    bool HasPeoplesCouncil,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null)
{
    /// <summary>The code of the nation as a whole, the jurisdiction of the central NA process.</summary>
    public const string NationCode = "VN";

    /// <summary>Whether a consultation process for this council kind can run in this unit.</summary>
    public bool Elects(CouncilKind council) =>
        council.JurisdictionLevel() == Level
        && (council.IsNationalAssembly() || HasPeoplesCouncil);

    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);

    /// <summary>"from 01/07/2025", "until 30/06/2025" or "01/07/2025–30/06/2030": the period, for people to read.</summary>
    public string Period => (ValidFrom, ValidTo) switch
    {
        (null, null) => "—",
        ({ } from, null) => $"≥ {Day(from)}",
        (null, { } to) => $"≤ {Day(to)}",
        ({ } from, { } to) => $"{Day(from)}–{Day(to)}",
    };

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

/// <summary>Danh mục đơn vị hành chính: the units known to this installation, by code and period.</summary>
public sealed class AdministrativeUnitCatalog
{
    private readonly Dictionary<string, AdministrativeUnit[]> byCode;

    public AdministrativeUnitCatalog(IEnumerable<AdministrativeUnit> units)
    {
        var all = units.ToList();
        All = all;
        // Latest first, so an undated look-up finds the unit as it now stands.
        byCode = all.GroupBy(unit => unit.Code, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.OrderByDescending(unit => unit.ValidFrom ?? DateOnly.MinValue).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Every unit of every period.</summary>
    public IReadOnlyCollection<AdministrativeUnit> All { get; }

    /// <summary>The latest unit that has carried this code, whether or not it is still valid.</summary>
    public AdministrativeUnit? Find(string? code) =>
        code is not null && byCode.TryGetValue(code, out var units) ? units[0] : null;

    /// <summary>The unit carrying this code on that day, if any.</summary>
    public AdministrativeUnit? Find(string? code, DateOnly on) =>
        code is not null && byCode.TryGetValue(code, out var units) ? units.FirstOrDefault(unit => unit.IsValidOn(on)) : null;

    /// <summary>The unit's name for people to read, or its code when this installation does not know it.</summary>
    public string NameOf(string code) => Find(code)?.Name ?? code;

    /// <summary>The units under this one on that day.</summary>
    public IEnumerable<AdministrativeUnit> ChildrenOf(string code, DateOnly on) =>
        All.Where(unit => unit.ParentCode == code && unit.IsValidOn(on));
}
