using ElectionPrep.AdministrativeUnits;
using ElectionPrep.Terms;
using FluentValidation;

namespace ElectionPrep.Seeds;

/// <summary>
/// seeds/units/provinces*.json: every province-level unit of one period, with the flags that decide which councils
/// exist. The period (<paramref name="ValidFrom"/>, <paramref name="ValidTo"/>) holds for every unit the file lists.
/// </summary>
public sealed record ProvinceListSeed(string Source, string? Notes, IReadOnlyList<ProvinceSeed> Units, DateOnly? ValidFrom = null, DateOnly? ValidTo = null)
    : IUnitPeriod;

/// <summary>The period every unit of a seed file is valid for.</summary>
public interface IUnitPeriod
{
    DateOnly? ValidFrom { get; }

    DateOnly? ValidTo { get; }
}

/// <param name="HasDistrictCouncils">False where urban districts elect no council (pilot urban government); their rural
/// districts still do.</param>
/// <param name="HasWardCouncils">False where wards elect no council (Hà Nội, Hồ Chí Minh City, Đà Nẵng from 2021).</param>
/// <param name="Districts">Listed only in a province's own file, for a period with a district level.</param>
/// <param name="Communes">Listed only in a province's own file, for a period without a district level (from 1/7/2025).</param>
public sealed record ProvinceSeed(
    string Code,
    string Name,
    string NameEn,
    string Kind,
    bool? Mountainous,
    decimal? EthnicMinorityShare,
    bool HasDistrictCouncils = true,
    bool HasWardCouncils = true,
    IReadOnlyList<DistrictSeed>? Districts = null,
    IReadOnlyList<CommuneSeed>? Communes = null);

public sealed record DistrictSeed(string Code, string Name, string NameEn, string Kind, IReadOnlyList<CommuneSeed> Communes);

public sealed record CommuneSeed(string Code, string Name, string NameEn, string Kind);

/// <summary>
/// seeds/units/NN-name*.json: one province in full for one period, with its districts and communes, or its communes
/// directly where the period has no district level. <paramref name="Synthetic"/> marks made-up units.
/// </summary>
public sealed record ProvinceDetailSeed(string Source, string? Notes, ProvinceSeed Province, DateOnly? ValidFrom = null, DateOnly? ValidTo = null,
    bool Synthetic = false) : IUnitPeriod;

public static class UnitSeeds
{
    /// <summary>Urban districts (quận) and cities within a city are the district units a pilot urban government
    /// leaves without a council.</summary>
    internal const string UrbanDistrict = "UrbanDistrict";
    internal const string MunicipalCity = "MunicipalCity";
    internal const string Ward = "Ward";

    /// <summary>The files whose names start with this are province lists; the others are one province in full.</summary>
    public const string ProvinceListPrefix = "provinces";

    public static IEnumerable<AdministrativeUnit> Units(IEnumerable<ProvinceListSeed> lists, IEnumerable<ProvinceDetailSeed> details)
    {
        yield return new AdministrativeUnit(AdministrativeUnit.NationCode, "Nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Viet Nam",
            UnitLevel.National, "Nation", null, HasPeoplesCouncil: false);

        var detailList = details.ToList();
        foreach (var list in lists)
        {
            foreach (var province in list.Units)
            {
                yield return new AdministrativeUnit(province.Code, province.Name, province.NameEn, UnitLevel.Province, province.Kind,
                    AdministrativeUnit.NationCode, HasPeoplesCouncil: true, list.ValidFrom, list.ValidTo);
                var detail = detailList.FirstOrDefault(detail => detail.Province.Code == province.Code && Within(detail, list));
                foreach (var unit in detail is null ? [] : Below(province, detail)) yield return unit;
            }
        }
    }

    /// <summary>Whether a file's period lies inside another's (an open end inside only an open end).</summary>
    public static bool Within(IUnitPeriod inner, IUnitPeriod outer) =>
        (outer.ValidFrom is null || inner.ValidFrom >= outer.ValidFrom) && (outer.ValidTo is null || inner.ValidTo <= outer.ValidTo);

    private static IEnumerable<AdministrativeUnit> Below(ProvinceSeed province, ProvinceDetailSeed detail)
    {
        var (from, to) = (detail.ValidFrom, detail.ValidTo);
        foreach (var commune in detail.Province.Communes ?? [])
        {
            yield return Commune(commune, province, province.Code, from, to);
        }

        foreach (var district in detail.Province.Districts ?? [])
        {
            yield return new AdministrativeUnit(district.Code, district.Name, district.NameEn, UnitLevel.District, district.Kind,
                province.Code, HasPeoplesCouncil: province.HasDistrictCouncils || district.Kind is not (UrbanDistrict or MunicipalCity), from, to);
            foreach (var commune in district.Communes) yield return Commune(commune, province, district.Code, from, to);
        }
    }

    private static AdministrativeUnit Commune(CommuneSeed commune, ProvinceSeed province, string parentCode, DateOnly? from, DateOnly? to) =>
        new(commune.Code, commune.Name, commune.NameEn, UnitLevel.Commune, commune.Kind, parentCode,
            HasPeoplesCouncil: province.HasWardCouncils || commune.Kind != Ward, from, to);
}

public sealed class ProvinceListSeedValidator : AbstractValidator<ProvinceListSeed>
{
    public ProvinceListSeedValidator()
    {
        RuleFor(list => list.Source).NotEmpty();
        RuleFor(list => list.Units).NotEmpty()
            .Must(units => units.Select(unit => unit.Code).Distinct().Count() == units.Count).WithMessage("province codes must be unique");
        RuleForEach(list => list.Units).SetValidator(new ProvinceSeedValidator());
        RuleFor(list => list).SetValidator(new UnitPeriodValidator());
    }
}

public sealed class ProvinceDetailSeedValidator : AbstractValidator<ProvinceDetailSeed>
{
    public ProvinceDetailSeedValidator()
    {
        RuleFor(detail => detail.Source).NotEmpty();
        RuleFor(detail => detail.Province).SetValidator(new ProvinceSeedValidator());
        RuleFor(detail => detail.Province.Districts).NotEmpty().When(detail => detail.Province.Communes is null)
            .WithMessage("a province file lists its districts, or its communes where the period has no district level");
        RuleFor(detail => detail.Province.Communes).Null().When(detail => detail.Province.Districts is not null)
            .WithMessage("a province file lists communes under its districts or directly, not both");
        RuleFor(detail => detail.Province)
            .Must(province => (province.Districts ?? []).SelectMany(d => d.Communes.Select(c => c.Code).Prepend(d.Code))
                .Concat((province.Communes ?? []).Select(c => c.Code))
                .GroupBy(code => code).All(group => group.Count() == 1))
            .WithMessage("district and commune codes must be unique");
        RuleFor(detail => detail).SetValidator(new UnitPeriodValidator());
        RuleForEach(detail => detail.Province.Communes).SetValidator(new CommuneSeedValidator());
        RuleForEach(detail => detail.Province.Districts).ChildRules(district =>
        {
            district.RuleFor(d => d.Code).Matches("^[0-9]{3}$").WithMessage("a district code has 3 digits");
            district.RuleFor(d => d.Name).NotEmpty();
            district.RuleFor(d => d.NameEn).NotEmpty();
            district.RuleFor(d => d.Kind).Must(kind => kind is UnitSeeds.UrbanDistrict or "RuralDistrict" or "ProvincialCity" or "Town" or UnitSeeds.MunicipalCity)
                .WithMessage("'{PropertyValue}' is not a district kind (UrbanDistrict, RuralDistrict, ProvincialCity, Town, MunicipalCity)");
            district.RuleFor(d => d.Communes).NotEmpty();
            district.RuleForEach(d => d.Communes).SetValidator(new CommuneSeedValidator());
        });
    }
}

public sealed class CommuneSeedValidator : AbstractValidator<CommuneSeed>
{
    public CommuneSeedValidator()
    {
        RuleFor(c => c.Code).Matches("^[0-9]{5}$").WithMessage("a commune code has 5 digits");
        RuleFor(c => c.Name).NotEmpty();
        RuleFor(c => c.NameEn).NotEmpty();
        RuleFor(c => c.Kind).Must(kind => kind is UnitSeeds.Ward or "Commune" or "Township" or "SpecialZone")
            .WithMessage("'{PropertyValue}' is not a commune kind (Commune, Ward, Township, SpecialZone)");
    }
}

/// <summary>A period ends no earlier than it starts.</summary>
public sealed class UnitPeriodValidator : AbstractValidator<IUnitPeriod>
{
    public UnitPeriodValidator() =>
        RuleFor(period => period.ValidTo).GreaterThanOrEqualTo(period => period.ValidFrom)
            .When(period => period.ValidFrom is not null && period.ValidTo is not null)
            .WithMessage("a period ends (validTo) no earlier than it starts (validFrom)");
}

public sealed class ProvinceSeedValidator : AbstractValidator<ProvinceSeed>
{
    public ProvinceSeedValidator()
    {
        RuleFor(province => province.Code).Matches("^[0-9]{2}$").WithMessage("a province code has 2 digits");
        RuleFor(province => province.Name).NotEmpty();
        RuleFor(province => province.NameEn).NotEmpty();
        RuleFor(province => province.Kind).Must(kind => kind is "Province" or "Municipality")
            .WithMessage("'{PropertyValue}' is not a province kind (Province, Municipality)");
        RuleFor(province => province.EthnicMinorityShare).InclusiveBetween(0m, 1m);
    }
}
