using ElectionPrep.AdministrativeUnits;
using ElectionPrep.Common;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using static ElectionPrep.TestTerms;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.CalendarAmendments;

/// <summary>Art. 98(3): the National Election Council may move a step of the legal calendar, by a decision with its reason.</summary>
public class Amending_the_calendar
{
    private static readonly Term Term2026 = TermWithoutDistricts(
        Step("dossiers-filed", 42, new TimeOnly(17, 0)),
        Step("third-consultation", 23, appliesTo: [CouncilKind.ProvincialCouncil, CouncilKind.CommuneCouncil]));

    private static readonly DateTimeOffset ElectionDay = Vietnam(2026, 3, 15);
    private static readonly DateTimeOffset Moved = Vietnam(2026, 2, 24, 23, 59, 59);
    private static readonly DateTimeOffset Now = Vietnam(2026, 2, 10, 9, 0);

    private static readonly Actor ElectionCouncil = new("hdbcqg.thu.ky", [ActorRole.Clerk], Body.NationalElectionCouncil, null);

    private static readonly AmendCalendar MoveRoundThree =
        new("2026-2031", "third-consultation", null, null, Moved, "NQ 12/NQ-HĐBCQG", "Tết Bính Ngọ rơi vào thời gian hiệp thương lần ba");

    private static Spec<AmendedCalendar> Calendar => Spec.For<AmendedCalendar>(AmendedCalendar.Evolve);

    private static Func<AmendedCalendar, Decision> Amend(AmendCalendar command, Actor? actor = null, AdministrativeUnit? unit = null) =>
        amended => AmendCalendar.Decide(command, actor ?? ElectionCouncil, Term2026, unit, amended, ElectionDay, Now);

    private static CalendarStepAmended Amended(int number, DateTimeOffset due, string? jurisdiction = null) =>
        new(AmendedCalendar.IdFor("2026-2031"), "2026-2031", number, "third-consultation", null, jurisdiction, due,
            "NQ 12/NQ-HĐBCQG", "Tết Bính Ngọ rơi vào thời gian hiệp thương lần ba", "hdbcqg.thu.ky", Now);

    [Fact]
    public void The_election_council_moves_a_step_with_its_reference_and_reason() =>
        Calendar.When(Amend(MoveRoundThree)).Then(Amended(1, Moved));

    [Fact]
    public void A_later_amendment_is_numbered_after_the_earlier_ones() =>
        Calendar.Given(Amended(1, Moved)).When(Amend(MoveRoundThree with { DueAt = Moved.AddDays(1) })).Then(Amended(2, Moved.AddDays(1)));

    [Fact]
    public void Another_body_is_refused() =>
        Calendar.When(Amend(MoveRoundThree, new Actor("mttq.chu.tich", [ActorRole.CommitteeChair], Body.FrontStandingBoard, null)))
            .ThenRefused(Mandate.NotTheElectionCouncil);

    [Fact]
    public void An_observer_of_the_election_council_is_refused() =>
        Calendar.When(Amend(MoveRoundThree, ElectionCouncil with { Roles = [ActorRole.Observer] })).ThenRefused(Mandate.NotTheElectionCouncil);

    [Fact]
    public void A_step_the_terms_calendar_does_not_have_is_refused_naming_the_steps_it_has()
    {
        var refusal = Calendar.When(Amend(MoveRoundThree with { CalendarStepId = "fourth-consultation" })).ThenRefused(AmendCalendar.UnknownCalendarStep);

        Assert.Contains("dossiers-filed, third-consultation", refusal.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_council_the_step_does_not_apply_to_is_refused() =>
        Calendar.When(Amend(MoveRoundThree with { Council = CouncilKind.NationalAssemblyCentral })).ThenRefused(AmendCalendar.CouncilOutsideStep);

    [Fact]
    public void A_jurisdiction_with_no_unit_on_election_day_is_refused() =>
        Calendar.When(Amend(MoveRoundThree with { JurisdictionCode = "061" })).ThenRefused(AmendCalendar.UnknownJurisdiction);

    [Fact]
    public void A_jurisdiction_that_exists_limits_the_amendment_to_it() =>
        Calendar.When(Amend(MoveRoundThree with { JurisdictionCode = "19" },
                unit: new AdministrativeUnit("19", "Thái Nguyên", "Thai Nguyen", UnitLevel.Province, "Province", "VN", true)))
            .Then(Amended(1, Moved, "19"));

    [Fact]
    public void A_deadline_on_or_after_election_day_is_refused() =>
        Calendar.When(Amend(MoveRoundThree with { DueAt = ElectionDay })).ThenRefused(AmendCalendar.AfterElectionDay);

    [Fact]
    public void The_latest_amendment_that_reaches_a_process_is_in_force()
    {
        var amended = Calendar.Given(Amended(1, Moved), Amended(2, Moved.AddDays(1), "19"), Amended(3, Moved.AddDays(2), "01")).State!;

        Assert.Equal(2, amended.InForce("third-consultation", CouncilKind.CommuneCouncil, ["VN", "19", "01843"])?.Number);
        Assert.Equal(1, amended.InForce("third-consultation", CouncilKind.CommuneCouncil, ["VN", "08", "02000"])?.Number);
    }

    [Fact]
    public void A_processs_calendar_takes_the_amended_dates_and_keeps_the_others()
    {
        var seeded = new Dictionary<string, DateTimeOffset> { ["dossiers-filed"] = Vietnam(2026, 2, 1, 17, 0), ["third-consultation"] = Vietnam(2026, 2, 20, 23, 59, 59) };

        var dates = Calendar.Given(Amended(1, Moved)).State!.Apply(seeded, CouncilKind.CommuneCouncil, ["VN", "19", "01843"]);

        Assert.Equal((Vietnam(2026, 2, 1, 17, 0), Moved), (dates["dossiers-filed"], dates["third-consultation"]));
    }
}
