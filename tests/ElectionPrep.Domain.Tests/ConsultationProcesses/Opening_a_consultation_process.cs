using ElectionPrep.AdministrativeUnits;
using ElectionPrep.Common;
using ElectionPrep.Terms;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.ConsultationProcesses;

public class Opening_a_consultation_process
{
    private static readonly AdministrativeUnit Commune = new("01903", "Xã Thượng Giáo", "Thuong Giao Commune", UnitLevel.Commune, "Commune", "061", true);
    private static readonly string[] Path = ["VN", "06", "061", "01903"];
    private static readonly OpenConsultationProcess Command = new("2021-2026", CouncilKind.CommuneCouncil, "01903", "chair");

    private static Func<ConsultationProcess, Decision> Opens(DateTimeOffset now) =>
        existing => OpenConsultationProcess.Decide(Command, existing, TestTerms.Term(), Commune, Path, Version1, now);

    [Fact]
    public void The_process_pins_the_definition_version_under_an_id_derived_from_term_council_and_jurisdiction()
    {
        var opened = Spec.Process.When(Opens(TestTerms.Now)).Then<ConsultationProcessOpened>();

        Assert.Equal(Opened() with { JurisdictionPath = opened.JurisdictionPath }, opened);
        Assert.Equal(Path, opened.JurisdictionPath);
        Assert.Equal(("commune-council", 1), (opened.DefinitionId, opened.DefinitionVersion));
    }

    [Fact]
    public void A_second_process_for_the_same_council_and_jurisdiction_is_refused()
    {
        var refusal = Spec.Process.Given(Opened()).When(Opens(TestTerms.Now.AddDays(1))).ThenRefused(OpenConsultationProcess.AlreadyOpen);

        Assert.Contains("Quy trình hiệp thương HĐND cấp xã cho", refusal.Detail.Vi, StringComparison.Ordinal);
        Assert.DoesNotContain(ProcessId, refusal.Detail.Vi, StringComparison.Ordinal);
        Assert.Contains("already open", refusal.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opened_process_is_open_with_no_step_started_under_its_parent_one_level_up()
    {
        var process = Spec.Process.Given(Opened(), new object()).State!;

        Assert.Equal(ConsultationProcessStage.Open, process.Stage);
        Assert.Empty(process.Steps);
        Assert.Equal("061", process.ParentJurisdictionCode);
    }

    [Fact]
    public void A_council_the_term_does_not_elect_is_refused_naming_the_councils_it_elects_and_the_law()
    {
        var district = new AdministrativeUnit("058", "Thành phố Bắc Kạn", "Bac Kan City", UnitLevel.District, "ProvincialCity", "06", true);
        var command = new OpenConsultationProcess("2026-2031", CouncilKind.DistrictCouncil, "058", "chair");

        var refusal = Spec.Process.When(_ => OpenConsultationProcess.Decide(command, null, TestTerms.TermWithoutDistricts(), district, ["VN", "06", "058"], null, TestTerms.Now))
            .ThenRefused(OpenConsultationProcess.CouncilNotElected);

        Assert.Contains("không bầu HĐND cấp huyện", refusal.Detail.Vi, StringComparison.Ordinal);
        Assert.Contains("elects no District council; it elects: National Assembly (central), National Assembly (province), Provincial council, Commune council",
            refusal.Detail.En, StringComparison.Ordinal);
        Assert.Contains("Luật 83/2025/QH15, Điều 4 khoản 6", refusal.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_that_no_longer_exists_on_the_terms_election_day_is_refused_with_its_period()
    {
        var merged = Commune with { ValidTo = new DateOnly(2025, 6, 30) };
        var command = Command with { TermId = "2026-2031" };

        var refusal = Spec.Process.When(_ => OpenConsultationProcess.Decide(command, null, TestTerms.TermWithoutDistricts(), merged, [], Version1, TestTerms.Now))
            .ThenRefused(OpenConsultationProcess.UnitNotValid);

        Assert.Contains("không tồn tại vào ngày bầu cử 15/03/2026", refusal.Detail.Vi, StringComparison.Ordinal);
        Assert.Contains("valid ≤ 30/06/2025", refusal.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_created_after_the_terms_election_day_is_refused() =>
        Spec.Process.When(_ => OpenConsultationProcess.Decide(Command, null, TestTerms.Term(), Commune with { ValidFrom = new DateOnly(2025, 7, 1) }, Path, Version1, TestTerms.Now))
            .ThenRefused(OpenConsultationProcess.UnitNotValid);

    [Theory]
    [InlineData(CouncilKind.NationalAssemblyCentral, "VN", "2021-2026.national-assembly-central.VN")]
    [InlineData(CouncilKind.NationalAssemblyProvincial, "06", "2021-2026.national-assembly-provincial.06")]
    [InlineData(CouncilKind.ProvincialCouncil, "06", "2021-2026.provincial-council.06")]
    public void Every_council_kind_has_its_own_id(CouncilKind council, string jurisdiction, string expected) =>
        Assert.Equal(expected, ConsultationProcessId.For("2021-2026", council, jurisdiction));
}
