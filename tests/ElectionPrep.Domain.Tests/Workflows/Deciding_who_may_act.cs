using ElectionPrep.Common;
using ElectionPrep.Workflows;

namespace ElectionPrep.Workflows;

public class Deciding_who_may_act
{
    private static readonly IReadOnlyList<string> Commune = ["VN", "06", "061", "01903"];

    private static readonly WorkflowStep Round = TestWorkflows.Version1.ConferenceStep(1)!;

    private static WorkflowStep ActedOnBy(Body body) => Round with { ActingBody = body };

    private static Actor Of(Body? body, string? jurisdiction, params ActorRole[] roles) => new("someone", roles, body, jurisdiction);

    private static void ThenRefused(Refusal? refusal, string code) => Assert.Equal(code, refusal?.Code);

    [Fact]
    public void The_acting_body_of_the_unit_acts_on_its_step()
    {
        Assert.Null(Mandate.WhyNotActOn(Of(Body.FrontStandingBoard, "01903", ActorRole.Clerk), Round, "01903"));
    }

    [Fact]
    public void An_observer_may_not_act_on_a_step()
    {
        ThenRefused(Mandate.WhyNotActOn(Of(Body.FrontStandingBoard, "01903", ActorRole.Observer), Round, "01903"), Mandate.RoleNotMandated);
    }

    [Fact]
    public void Another_body_of_the_same_unit_may_not_act_on_the_step()
    {
        ThenRefused(Mandate.WhyNotActOn(Of(Body.ElectionCommittee, "01903", ActorRole.CommitteeChair), Round, "01903"), Mandate.BodyNotMandated);
    }

    [Fact]
    public void An_account_with_no_body_may_not_act_on_a_step()
    {
        ThenRefused(Mandate.WhyNotActOn(Of(null, null, ActorRole.CommitteeChair), Round, "01903"), Mandate.BodyNotMandated);
    }

    [Fact]
    public void The_same_body_of_another_unit_may_not_act_on_the_step()
    {
        ThenRefused(Mandate.WhyNotActOn(Of(Body.FrontStandingBoard, "01906", ActorRole.Clerk), Round, "01903"), Mandate.OutsideJurisdiction);
    }

    [Fact]
    public void The_same_body_of_the_province_above_may_not_act_for_the_commune()
    {
        ThenRefused(Mandate.WhyNotActOn(Of(Body.FrontStandingBoard, "06", ActorRole.CommitteeChair), Round, "01903"), Mandate.OutsideJurisdiction);
    }

    [Fact]
    public void A_national_body_acts_from_the_centre_on_a_provincial_process()
    {
        Assert.Null(Mandate.WhyNotActOn(Of(Body.NationalElectionCouncil, null, ActorRole.Clerk), ActedOnBy(Body.NationalElectionCouncil), "06"));
    }

    [Fact]
    public void A_national_bodys_step_is_not_acted_on_from_a_province()
    {
        ThenRefused(Mandate.WhyNotActOn(Of(Body.NationalElectionCouncil, "06", ActorRole.Clerk), ActedOnBy(Body.NationalElectionCouncil), "06"), Mandate.OutsideJurisdiction);
    }

    [Fact]
    public void The_front_of_a_district_above_opens_a_communes_process()
    {
        Assert.Null(Mandate.WhyNotOpen(Of(Body.FrontStandingBoard, "061", ActorRole.CommitteeChair), TestWorkflows.Version1, Commune));
    }

    [Fact]
    public void The_front_of_a_commune_of_another_district_may_not_open_the_process()
    {
        ThenRefused(Mandate.WhyNotOpen(Of(Body.FrontStandingBoard, "01834", ActorRole.CommitteeChair), TestWorkflows.Version1, Commune), Mandate.OutsideJurisdiction);
    }

    [Fact]
    public void An_administrator_may_not_open_a_process()
    {
        ThenRefused(Mandate.WhyNotOpen(Of(null, null, ActorRole.Administrator), TestWorkflows.Version1, Commune), Mandate.RoleNotMandated);
    }

    [Fact]
    public void Dossiers_are_read_from_the_unit_and_above()
    {
        Assert.Null(Mandate.WhyNotReadDossiers(Of(Body.FrontStandingBoard, "061", ActorRole.Observer), Commune, officialListPublished: false));
    }

    [Fact]
    public void Dossiers_of_another_unit_are_not_read_before_publication()
    {
        ThenRefused(Mandate.WhyNotReadDossiers(Of(Body.FrontStandingBoard, "01906", ActorRole.Clerk), Commune, officialListPublished: false), Mandate.OutsideJurisdiction);
    }

    [Fact]
    public void Dossiers_on_a_published_list_are_read_by_anyone()
    {
        Assert.Null(Mandate.WhyNotReadDossiers(Of(Body.FrontStandingBoard, "01906", ActorRole.Clerk), Commune, officialListPublished: true));
    }

    [Fact]
    public void The_preparing_body_of_the_unit_reads_protected_data()
    {
        Assert.Null(Mandate.WhyNotReadProtectedData(Of(Body.FrontStandingBoard, "01903", ActorRole.Clerk), TestWorkflows.Version1, Commune));
    }

    [Fact]
    public void The_front_above_reads_protected_data()
    {
        Assert.Null(Mandate.WhyNotReadProtectedData(Of(Body.FrontStandingBoard, "06", ActorRole.CommitteeMember), TestWorkflows.Version1, Commune));
    }

    [Fact]
    public void The_front_of_another_commune_may_not_read_protected_data()
    {
        ThenRefused(Mandate.WhyNotReadProtectedData(Of(Body.FrontStandingBoard, "01906", ActorRole.CommitteeChair), TestWorkflows.Version1, Commune), Mandate.OutsideJurisdiction);
    }

    [Fact]
    public void An_observer_may_not_read_protected_data()
    {
        ThenRefused(Mandate.WhyNotReadProtectedData(Of(null, null, ActorRole.Observer), TestWorkflows.Version1, Commune), Mandate.RoleNotMandated);
    }
}
