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
        existing => OpenConsultationProcess.Decide(Command, existing, Commune, Path, Version1, now);

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

        Assert.Contains(ProcessId, refusal.Detail.Vi, StringComparison.Ordinal);
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

    [Theory]
    [InlineData(CouncilKind.NationalAssemblyCentral, "VN", "2021-2026.national-assembly-central.VN")]
    [InlineData(CouncilKind.NationalAssemblyProvincial, "06", "2021-2026.national-assembly-provincial.06")]
    [InlineData(CouncilKind.ProvincialCouncil, "06", "2021-2026.provincial-council.06")]
    public void Every_council_kind_has_its_own_id(CouncilKind council, string jurisdiction, string expected) =>
        Assert.Equal(expected, ConsultationProcessId.For("2021-2026", council, jurisdiction));
}
