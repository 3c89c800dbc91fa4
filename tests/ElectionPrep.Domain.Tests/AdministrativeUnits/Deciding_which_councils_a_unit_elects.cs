using ElectionPrep.AdministrativeUnits;
using ElectionPrep.Terms;

namespace ElectionPrep.AdministrativeUnits;

public class Deciding_which_councils_a_unit_elects
{
    private static readonly AdministrativeUnit Nation = new(AdministrativeUnit.NationCode, "Việt Nam", "Viet Nam", UnitLevel.National, "Nation", null, false);
    private static readonly AdministrativeUnit Province = new("06", "Tỉnh Bắc Kạn", "Bac Kan", UnitLevel.Province, "Province", "VN", true);
    private static readonly AdministrativeUnit District = new("061", "Huyện Ba Bể", "Ba Be", UnitLevel.District, "RuralDistrict", "06", true);
    private static readonly AdministrativeUnit Commune = new("01903", "Xã Thượng Giáo", "Thuong Giao", UnitLevel.Commune, "Commune", "061", true);
    private static readonly AdministrativeUnit WardWithoutCouncil = new("26734", "Phường Bến Nghé", "Ben Nghe", UnitLevel.Commune, "Ward", "760", false);

    [Fact]
    public void The_nation_elects_only_the_centrally_nominated_National_Assembly_deputies()
    {
        Assert.True(Nation.Elects(CouncilKind.NationalAssemblyCentral));
        Assert.False(Nation.Elects(CouncilKind.NationalAssemblyProvincial));
    }

    [Fact]
    public void A_province_runs_the_National_Assembly_provincial_process_and_its_own_council()
    {
        Assert.True(Province.Elects(CouncilKind.NationalAssemblyProvincial));
        Assert.True(Province.Elects(CouncilKind.ProvincialCouncil));
        Assert.False(Province.Elects(CouncilKind.DistrictCouncil));
    }

    [Fact]
    public void Districts_and_communes_elect_the_council_of_their_level_only()
    {
        Assert.True(District.Elects(CouncilKind.DistrictCouncil));
        Assert.False(District.Elects(CouncilKind.CommuneCouncil));
        Assert.True(Commune.Elects(CouncilKind.CommuneCouncil));
        Assert.False(Commune.Elects(CouncilKind.DistrictCouncil));
    }

    [Fact]
    public void A_ward_whose_council_was_abolished_elects_none() =>
        Assert.False(WardWithoutCouncil.Elects(CouncilKind.CommuneCouncil));
}
