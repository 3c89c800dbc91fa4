using ElectionPrep.AdministrativeUnits;
using ElectionPrep.Terms;
using FluentValidation;

namespace ElectionPrep.Seeds;

/// <summary>seeds/units/provinces.json: every province-level unit, with the flags that decide which councils exist.</summary>
public sealed record ProvinceListSeed(string Source, string? Notes, IReadOnlyList<ProvinceSeed> Units);

/// <param name="HasDistrictCouncils">False where urban districts elect no council (pilot urban government); their rural
/// districts still do.</param>
/// <param name="HasWardCouncils">False where wards elect no council (Hà Nội, Hồ Chí Minh City, Đà Nẵng from 2021).</param>
/// <param name="Districts">Listed only in a province's own file.</param>
public sealed record ProvinceSeed(
    string Code,
    string Name,
    string NameEn,
    string Kind,
    bool? Mountainous,
    decimal? EthnicMinorityShare,
    bool HasDistrictCouncils = true,
    bool HasWardCouncils = true,
    IReadOnlyList<DistrictSeed>? Districts = null);

public sealed record DistrictSeed(string Code, string Name, string NameEn, string Kind, IReadOnlyList<CommuneSeed> Communes);

public sealed record CommuneSeed(string Code, string Name, string NameEn, string Kind);

/// <summary>seeds/units/NN-name.json: one province in full, with its districts and communes.</summary>
public sealed record ProvinceDetailSeed(string Source, string? Notes, ProvinceSeed Province);

public static class UnitSeeds
{
    /// <summary>Urban districts (quận) and cities within a city are the district units a pilot urban government
    /// leaves without a council.</summary>
    internal const string UrbanDistrict = "UrbanDistrict";
    internal const string MunicipalCity = "MunicipalCity";
    internal const string Ward = "Ward";

    public static IEnumerable<AdministrativeUnit> Units(ProvinceListSeed provinces, IEnumerable<ProvinceDetailSeed> details)
    {
        yield return new AdministrativeUnit(AdministrativeUnit.NationCode, "Nước Cộng hòa xã hội chủ nghĩa Việt Nam", "Viet Nam",
            UnitLevel.National, "Nation", null, HasPeoplesCouncil: false);

        var districtsByProvince = details.ToDictionary(detail => detail.Province.Code, detail => detail.Province.Districts ?? []);
        foreach (var province in provinces.Units)
        {
            yield return new AdministrativeUnit(province.Code, province.Name, province.NameEn, UnitLevel.Province, province.Kind,
                AdministrativeUnit.NationCode, HasPeoplesCouncil: true);
            foreach (var district in districtsByProvince.GetValueOrDefault(province.Code, []))
            {
                yield return new AdministrativeUnit(district.Code, district.Name, district.NameEn, UnitLevel.District, district.Kind,
                    province.Code, HasPeoplesCouncil: province.HasDistrictCouncils || district.Kind is not (UrbanDistrict or MunicipalCity));
                foreach (var commune in district.Communes)
                {
                    yield return new AdministrativeUnit(commune.Code, commune.Name, commune.NameEn, UnitLevel.Commune, commune.Kind,
                        district.Code, HasPeoplesCouncil: province.HasWardCouncils || commune.Kind != Ward);
                }
            }
        }
    }
}

public sealed class ProvinceListSeedValidator : AbstractValidator<ProvinceListSeed>
{
    public ProvinceListSeedValidator()
    {
        RuleFor(list => list.Source).NotEmpty();
        RuleFor(list => list.Units).NotEmpty()
            .Must(units => units.Select(unit => unit.Code).Distinct().Count() == units.Count).WithMessage("province codes must be unique");
        RuleForEach(list => list.Units).SetValidator(new ProvinceSeedValidator());
    }
}

public sealed class ProvinceDetailSeedValidator : AbstractValidator<ProvinceDetailSeed>
{
    public ProvinceDetailSeedValidator()
    {
        RuleFor(detail => detail.Source).NotEmpty();
        RuleFor(detail => detail.Province).SetValidator(new ProvinceSeedValidator());
        RuleFor(detail => detail.Province.Districts).NotEmpty().WithMessage("a province file lists its districts");
        RuleFor(detail => detail.Province)
            .Must(province => (province.Districts ?? []).SelectMany(d => d.Communes.Select(c => c.Code).Prepend(d.Code))
                .GroupBy(code => code).All(group => group.Count() == 1))
            .WithMessage("district and commune codes must be unique");
        RuleForEach(detail => detail.Province.Districts).ChildRules(district =>
        {
            district.RuleFor(d => d.Code).Matches("^[0-9]{3}$").WithMessage("a district code has 3 digits");
            district.RuleFor(d => d.Name).NotEmpty();
            district.RuleFor(d => d.NameEn).NotEmpty();
            district.RuleFor(d => d.Kind).Must(kind => kind is UnitSeeds.UrbanDistrict or "RuralDistrict" or "ProvincialCity" or "Town" or UnitSeeds.MunicipalCity)
                .WithMessage("'{PropertyValue}' is not a district kind (UrbanDistrict, RuralDistrict, ProvincialCity, Town, MunicipalCity)");
            district.RuleFor(d => d.Communes).NotEmpty();
            district.RuleForEach(d => d.Communes).ChildRules(commune =>
            {
                commune.RuleFor(c => c.Code).Matches("^[0-9]{5}$").WithMessage("a commune code has 5 digits");
                commune.RuleFor(c => c.Name).NotEmpty();
                commune.RuleFor(c => c.NameEn).NotEmpty();
                commune.RuleFor(c => c.Kind).Must(kind => kind is UnitSeeds.Ward or "Commune" or "Township")
                    .WithMessage("'{PropertyValue}' is not a commune kind (Commune, Ward, Township)");
            });
        });
    }
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
