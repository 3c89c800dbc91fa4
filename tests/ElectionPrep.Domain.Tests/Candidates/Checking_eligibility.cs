using ElectionPrep.Terms;
using static ElectionPrep.TestCandidates;

namespace ElectionPrep.Candidates;

public class Checking_eligibility
{
    [Fact]
    public void A_complete_dossier_of_an_adult_citizen_of_the_locality_passes() => Assert.Empty(Check(Dossier()));

    [Fact]
    public void Twenty_years_and_364_days_on_election_day_is_too_young_and_21_years_is_old_enough()
    {
        var finding = Assert.Single(Check(Dossier(born: new DateOnly(2000, 5, 24))));

        Assert.Equal(Eligibility.MinimumAge, finding.RuleId);
        Assert.NotEmpty(finding.Basis);
        Assert.Empty(Check(Dossier(born: new DateOnly(2000, 5, 23))));
    }

    [Fact]
    public void Another_nationality_bars_the_National_Assembly_only()
    {
        var dual = Dossier() with { OtherNationalities = ["Pháp"] };

        Assert.Equal(Eligibility.SoleVietnameseNationality, Assert.Single(Check(dual, CouncilKind.NationalAssemblyProvincial)).RuleId);
        Assert.Empty(Check(dual, CouncilKind.DistrictCouncil));
    }

    [Fact]
    public void A_foreign_citizen_cannot_stand() =>
        Assert.Contains(Check(Dossier() with { Nationality = "Lào" }), finding => finding.RuleId == Eligibility.VietnameseCitizen);

    [Fact]
    public void A_ground_of_article_37_bars_the_candidate() =>
        Assert.Equal(Eligibility.NotBarred, Assert.Single(Check(Dossier() with { BarringGrounds = ["Đang bị truy cứu trách nhiệm hình sự"] })).RuleId);

    [Fact]
    public void A_council_candidate_must_live_or_work_in_the_locality()
    {
        var elsewhere = Dossier() with { ResidenceUnitCode = "01903", WorkplaceUnitCode = "01903" };
        var worksHere = Dossier() with { ResidenceUnitCode = "01903" };

        Assert.Equal(Eligibility.LivesOrWorksInLocality, Assert.Single(Check(elsewhere)).RuleId);
        Assert.Empty(Check(worksHere));
        Assert.Empty(Check(elsewhere, CouncilKind.NationalAssemblyProvincial));
    }

    [Fact]
    public void A_dossier_missing_a_document_names_it()
    {
        var finding = Assert.Single(Check(Dossier() with { Documents = AllDocuments.Where(d => d.Kind != DocumentKind.AssetDeclaration).ToList() }));

        Assert.Equal(Eligibility.DossierComplete, finding.RuleId);
        Assert.Contains("AssetDeclaration", finding.Detail.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CouncilKind.CommuneCouncil, new[] { CouncilKind.DistrictCouncil }, true)]
    [InlineData(CouncilKind.CommuneCouncil, new[] { CouncilKind.DistrictCouncil, CouncilKind.ProvincialCouncil }, false)]
    [InlineData(CouncilKind.NationalAssemblyProvincial, new[] { CouncilKind.ProvincialCouncil }, true)]
    [InlineData(CouncilKind.NationalAssemblyProvincial, new[] { CouncilKind.ProvincialCouncil, CouncilKind.DistrictCouncil }, false)]
    [InlineData(CouncilKind.DistrictCouncil, new[] { CouncilKind.NationalAssemblyCentral, CouncilKind.ProvincialCouncil }, false)]
    [InlineData(CouncilKind.NationalAssemblyCentral, new[] { CouncilKind.NationalAssemblyProvincial }, false)]
    [InlineData(CouncilKind.DistrictCouncil, new[] { CouncilKind.DistrictCouncil }, false)]
    public void At_most_two_council_levels_and_one_with_the_National_Assembly_one_dossier_per_level(CouncilKind council, CouncilKind[] others, bool allowed)
    {
        var findings = Check(Dossier() with { WorkplaceUnitCode = "01834" }, council, others);

        Assert.Equal(allowed, findings.All(finding => finding.RuleId != Eligibility.MultipleCandidacy));
        if (!allowed) Assert.Equal([new Common.LegalBasis("Luật 85/2015/QH13", "Điều 36")], findings.Single(f => f.RuleId == Eligibility.MultipleCandidacy).Basis);
    }

    [Fact]
    public void Age_counts_whole_years_on_the_day()
    {
        Assert.Equal(20, Eligibility.AgeOn(new DateOnly(2000, 2, 29), new DateOnly(2021, 2, 27)));
        Assert.Equal(21, Eligibility.AgeOn(new DateOnly(2000, 2, 29), new DateOnly(2021, 3, 1)));
    }
}
