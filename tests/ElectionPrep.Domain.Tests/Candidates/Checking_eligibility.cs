using ElectionPrep.Terms;
using static ElectionPrep.TestCandidates;

namespace ElectionPrep.Candidates;

public class Checking_eligibility
{
    [Fact]
    public void A_complete_dossier_of_an_adult_citizen_of_the_locality_passes() => Assert.Empty(Check(Dossier()));

    [Fact]
    public void Twenty_years_and_364_days_on_election_day_is_too_young()
    {
        var finding = Assert.Single(Check(Dossier(born: new DateOnly(2000, 5, 24))));

        Assert.Equal((Eligibility.MinimumAge, nameof(CandidateDossier.DateOfBirth)), (finding.RuleId, finding.Field));
        Assert.NotEmpty(finding.Basis);
    }

    [Fact]
    public void Twenty_one_years_on_election_day_is_old_enough() => Assert.Empty(Check(Dossier(born: new DateOnly(2000, 5, 23))));

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

        Assert.Equal((Eligibility.DossierComplete, nameof(CandidateDossier.Documents)), (finding.RuleId, finding.Field));
        Assert.Equal("Hồ sơ thiếu: Bản kê khai tài sản, thu nhập.", finding.Detail.Vi);
    }

    // At most two council levels, or one council with the National Assembly, and one dossier per level.
    [Theory]
    [InlineData(CouncilKind.CommuneCouncil, new[] { CouncilKind.DistrictCouncil })]
    [InlineData(CouncilKind.NationalAssemblyProvincial, new[] { CouncilKind.ProvincialCouncil })]
    public void A_person_stands_within_the_multiple_candidacy_limits(CouncilKind council, CouncilKind[] others) =>
        Assert.DoesNotContain(Check(Dossier() with { WorkplaceUnitCode = "01834" }, council, others), finding => finding.RuleId == Eligibility.MultipleCandidacy);

    [Theory]
    [InlineData(CouncilKind.CommuneCouncil, new[] { CouncilKind.DistrictCouncil, CouncilKind.ProvincialCouncil })]
    [InlineData(CouncilKind.NationalAssemblyProvincial, new[] { CouncilKind.ProvincialCouncil, CouncilKind.DistrictCouncil })]
    [InlineData(CouncilKind.DistrictCouncil, new[] { CouncilKind.NationalAssemblyCentral, CouncilKind.ProvincialCouncil })]
    [InlineData(CouncilKind.NationalAssemblyCentral, new[] { CouncilKind.NationalAssemblyProvincial })]
    [InlineData(CouncilKind.DistrictCouncil, new[] { CouncilKind.DistrictCouncil })]
    public void A_person_beyond_the_multiple_candidacy_limits_is_ineligible_under_article_36(CouncilKind council, CouncilKind[] others)
    {
        var findings = Check(Dossier() with { WorkplaceUnitCode = "01834" }, council, others);

        Assert.Equal([new Common.LegalBasis("Luật 85/2015/QH13", "Điều 36")], findings.Single(f => f.RuleId == Eligibility.MultipleCandidacy).Basis);
    }

    [Fact]
    public void Age_counts_whole_years_on_the_day()
    {
        Assert.Equal(20, Eligibility.AgeOn(new DateOnly(2000, 2, 29), new DateOnly(2021, 2, 27)));
        Assert.Equal(21, Eligibility.AgeOn(new DateOnly(2000, 2, 29), new DateOnly(2021, 3, 1)));
    }
}
