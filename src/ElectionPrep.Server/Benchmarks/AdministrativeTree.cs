using System.Text.Json;
using ElectionPrep.Seeds;

namespace ElectionPrep.Benchmarks;

/// <summary>
/// The country's administrative tree for a benchmark run: the 63 seeded provinces, each with its districts and communes as
/// seeds/units has them (Bắc Kạn), or synthetic ones where it has none. Synthetic units are marked in their file's source
/// and in their names, and their codes never collide with a real unit's. The same seed gives the same tree.
/// </summary>
public sealed record AdministrativeTree(ProvinceListSeed Provinces, IReadOnlyList<ProvinceDetailSeed> Details)
{
    public const string SyntheticMark = "SYNTHETIC";

    /// <summary>About 700 districts and 10,600 communes over the 62 provinces without a detail file, as in 2021.</summary>
    private const int FewestDistricts = 7, MostDistricts = 16, FewestCommunes = 8, MostCommunes = 22;

    public IEnumerable<(ProvinceSeed Province, DistrictSeed District)> Districts =>
        Details.SelectMany(detail => (detail.Province.Districts ?? []).Select(district => (detail.Province, district)));

    public static AdministrativeTree Generate(string seedFolder, int seed)
    {
        var unitFolder = Path.Combine(seedFolder, "units");
        var provinces = SeedFile.Read(Path.Combine(unitFolder, "provinces.json"), new ProvinceListSeedValidator());
        var real = Directory.GetFiles(unitFolder, "*.json")
            .Where(file => Path.GetFileName(file) != "provinces.json")
            .Select(file => SeedFile.Read(file, new ProvinceDetailSeedValidator()))
            .ToDictionary(detail => detail.Province.Code);
        var realDistricts = real.Values.SelectMany(detail => detail.Province.Districts!).ToList();
        var districtCodes = FreeCodes(realDistricts.Select(district => district.Code), 3);
        var communeCodes = FreeCodes(realDistricts.SelectMany(district => district.Communes).Select(commune => commune.Code), 5);

        var random = new Random(seed);
        var details = provinces.Units.Select(province => real.TryGetValue(province.Code, out var detail)
            ? detail
            : Synthetic(province, random, districtCodes, communeCodes)).ToList();
        return new AdministrativeTree(provinces, details);
    }

    /// <summary>Writes a seed folder the server loads: the real seeds' terms and rules, and every province's units.</summary>
    public void WriteSeeds(string realSeeds, string target)
    {
        // Every seed the server loads besides the units, which this tree replaces: terms, rules, forms and whatever comes next.
        foreach (var file in Directory.GetFiles(realSeeds, "*.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(realSeeds, file);
            if (relative.StartsWith("units", StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative), true);
        }

        var units = Path.Combine(target, "units");
        Directory.CreateDirectory(units);
        File.Copy(Path.Combine(realSeeds, "units", "provinces.json"), Path.Combine(units, "provinces.json"), true);
        foreach (var detail in Details)
        {
            File.WriteAllText(Path.Combine(units, $"{detail.Province.Code}-{detail.Province.NameEn.Replace(' ', '-').ToLowerInvariant()}.json"),
                JsonSerializer.Serialize(detail, SeedJson.Options));
        }
    }

    private static ProvinceDetailSeed Synthetic(ProvinceSeed province, Random random, Queue<string> districtCodes, Queue<string> communeCodes)
    {
        var municipality = province.Kind == "Municipality";
        var districts = Enumerable.Range(0, random.Next(FewestDistricts, MostDistricts + 1)).Select(index =>
        {
            var code = districtCodes.Dequeue();
            // A province's capital is a city and a municipality's inner districts are urban: their communes are wards.
            var (kind, vi, en) = (municipality, index) switch
            {
                (true, < 4) => ("UrbanDistrict", "Quận", "Urban District"),
                (false, 0) => ("ProvincialCity", "Thành phố", "City"),
                _ => ("RuralDistrict", "Huyện", "District"),
            };
            var urban = kind is "UrbanDistrict" or "ProvincialCity";
            var communes = Enumerable.Range(0, random.Next(FewestCommunes, MostCommunes + 1)).Select(position =>
            {
                var communeCode = communeCodes.Dequeue();
                var (communeKind, communeVi, communeEn) = urban ? ("Ward", "Phường", "Ward") : position == 0 ? ("Township", "Thị trấn", "Township") : ("Commune", "Xã", "Commune");
                return new CommuneSeed(communeCode, $"{communeVi} Tổng hợp {communeCode}", $"Synthetic {communeEn} {communeCode}", communeKind);
            }).ToList();
            return new DistrictSeed(code, $"{vi} Tổng hợp {code}", $"Synthetic {en} {code}", kind, communes);
        }).ToList();
        return new ProvinceDetailSeed(
            $"{SyntheticMark}: generated by the benchmark's national generator; not GSO data. Only the province itself is real (provinces.json).",
            "District and commune counts drawn to total about 700 districts and 10,600 communes for the country, as in 2021.",
            province with { Districts = districts });
    }

    /// <summary>Codes of the given width that no real unit holds, in order.</summary>
    private static Queue<string> FreeCodes(IEnumerable<string> taken, int width)
    {
        var used = taken.ToHashSet();
        var limit = (int)Math.Pow(10, width);
        return new Queue<string>(Enumerable.Range(1, limit - 1).Select(number => number.ToString($"D{width}", System.Globalization.CultureInfo.InvariantCulture))
            .Where(code => !used.Contains(code)));
    }
}
