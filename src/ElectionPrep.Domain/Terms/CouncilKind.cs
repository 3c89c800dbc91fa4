namespace ElectionPrep.Terms;

/// <summary>
/// Loại hội đồng / quy trình: which body a consultation process prepares candidates for. The National
/// Assembly runs one central process (centrally nominated candidates) and one per province (locally
/// nominated candidates); each People's Council (HĐND) runs its own.
/// </summary>
public enum CouncilKind
{
    /// <summary>Quốc hội, hiệp thương ở trung ương.</summary>
    NationalAssemblyCentral,

    /// <summary>Quốc hội, hiệp thương ở tỉnh, thành phố trực thuộc trung ương.</summary>
    NationalAssemblyProvincial,

    /// <summary>HĐND tỉnh.</summary>
    ProvincialCouncil,

    /// <summary>HĐND huyện.</summary>
    DistrictCouncil,

    /// <summary>HĐND xã.</summary>
    CommuneCouncil,
}

/// <summary>Cấp hành chính: the level of an administrative unit.</summary>
public enum UnitLevel
{
    /// <summary>Trung ương.</summary>
    National,

    /// <summary>Cấp tỉnh.</summary>
    Province,

    /// <summary>Cấp huyện.</summary>
    District,

    /// <summary>Cấp xã.</summary>
    Commune,
}

public static class CouncilKinds
{
    /// <summary>The level of the jurisdiction a council of this kind is elected in.</summary>
    public static UnitLevel JurisdictionLevel(this CouncilKind kind) => kind switch
    {
        CouncilKind.NationalAssemblyCentral => UnitLevel.National,
        CouncilKind.NationalAssemblyProvincial or CouncilKind.ProvincialCouncil => UnitLevel.Province,
        CouncilKind.DistrictCouncil => UnitLevel.District,
        CouncilKind.CommuneCouncil => UnitLevel.Commune,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool IsNationalAssembly(this CouncilKind kind) =>
        kind is CouncilKind.NationalAssemblyCentral or CouncilKind.NationalAssemblyProvincial;

    /// <summary>What a person reads for the council, e.g. "HĐND cấp xã".</summary>
    public static Common.BilingualText Name(this CouncilKind kind) => kind switch
    {
        CouncilKind.NationalAssemblyCentral => new("Quốc hội (trung ương)", "National Assembly (central)"),
        CouncilKind.NationalAssemblyProvincial => new("Quốc hội (tỉnh)", "National Assembly (province)"),
        CouncilKind.ProvincialCouncil => new("HĐND cấp tỉnh", "Provincial council"),
        CouncilKind.DistrictCouncil => new("HĐND cấp huyện", "District council"),
        CouncilKind.CommuneCouncil => new("HĐND cấp xã", "Commune council"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Kebab-case name used in stream ids, URLs and seed files, e.g. "commune-council".</summary>
    public static string Slug(this CouncilKind kind) => kind switch
    {
        CouncilKind.NationalAssemblyCentral => "national-assembly-central",
        CouncilKind.NationalAssemblyProvincial => "national-assembly-provincial",
        CouncilKind.ProvincialCouncil => "provincial-council",
        CouncilKind.DistrictCouncil => "district-council",
        CouncilKind.CommuneCouncil => "commune-council",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? text, out CouncilKind kind)
    {
        foreach (var candidate in Enum.GetValues<CouncilKind>())
        {
            if (string.Equals(text, candidate.Slug(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
