using ElectionPrep.AdministrativeUnits;
using ElectionPrep.Terms;

namespace ElectionPrep.ConsultationProcesses;

public class Opening_a_consultation_process
{
    private static readonly AdministrativeUnit Ward = new("01834", "Phường Nguyễn Thị Minh Khai", "Nguyen Thi Minh Khai Ward",
        UnitLevel.Commune, "Ward", "058", true);

    private static readonly OpenConsultationProcess Command = new("2021-2026", CouncilKind.CommuneCouncil, "01834", "clerk.01834");

    private static ConsultationProcess? Given(params object[] events) => events.Aggregate((ConsultationProcess?)null, ConsultationProcess.Evolve);

    [Fact]
    public void The_process_is_opened_under_an_id_derived_from_term_council_and_jurisdiction()
    {
        var decision = OpenConsultationProcess.Decide(Command, Given(), Ward, TestTerms.Now);

        var opened = Assert.IsType<ConsultationProcessOpened>(Assert.Single(decision.Events));
        Assert.Equal(
            new ConsultationProcessOpened("2021-2026.commune-council.01834", "2021-2026", CouncilKind.CommuneCouncil, "01834",
                "Phường Nguyễn Thị Minh Khai", "clerk.01834", TestTerms.Now),
            opened);
        Assert.False(decision.IsRefused);
    }

    [Fact]
    public void A_second_process_for_the_same_council_and_jurisdiction_is_refused()
    {
        var existing = Given(new ConsultationProcessOpened("2021-2026.commune-council.01834", "2021-2026", CouncilKind.CommuneCouncil,
            "01834", "Phường Nguyễn Thị Minh Khai", "clerk.01834", TestTerms.Now));

        var decision = OpenConsultationProcess.Decide(Command, existing, Ward, TestTerms.Now.AddDays(1));

        Assert.Equal(OpenConsultationProcess.AlreadyOpen, decision.Refusal?.Code);
        Assert.Contains("2021-2026.commune-council.01834", decision.Refusal!.Detail.Vi, StringComparison.Ordinal);
        Assert.Contains("already open", decision.Refusal.Detail.En, StringComparison.Ordinal);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void The_opened_process_starts_at_the_opened_stage_and_ignores_unknown_events()
    {
        var opened = new ConsultationProcessOpened("2021-2026.district-council.061", "2021-2026", CouncilKind.DistrictCouncil, "061",
            "Huyện Ba Bể", "clerk", TestTerms.Now);

        var state = Given(opened, new object());

        Assert.Equal(
            new ConsultationProcess("2021-2026.district-council.061", "2021-2026", CouncilKind.DistrictCouncil, "061",
                ConsultationProcessStage.Opened, TestTerms.Now),
            state);
    }

    [Theory]
    [InlineData(CouncilKind.NationalAssemblyCentral, "VN", "2021-2026.national-assembly-central.VN")]
    [InlineData(CouncilKind.NationalAssemblyProvincial, "06", "2021-2026.national-assembly-provincial.06")]
    [InlineData(CouncilKind.ProvincialCouncil, "06", "2021-2026.provincial-council.06")]
    public void Every_council_kind_has_its_own_id(CouncilKind council, string jurisdiction, string expected) =>
        Assert.Equal(expected, ConsultationProcessId.For("2021-2026", council, jurisdiction));
}
