using ElectionPrep.Common;

namespace ElectionPrep.Workflows;

/// <summary>
/// Người thực hiện: who acts, in which roles, for which body and where. An account with no jurisdiction acts nationally.
/// </summary>
public sealed record Actor(string Name, IReadOnlyCollection<ActorRole> Roles, Body? Body, string? Jurisdiction)
{
    /// <summary>The code of the nation, at the root of every jurisdiction path.</summary>
    public const string Nation = AdministrativeUnits.AdministrativeUnit.NationCode;

    /// <summary>The unit the actor's body sits in: its jurisdiction, or the nation.</summary>
    public string Seat => string.IsNullOrEmpty(Jurisdiction) ? Nation : Jurisdiction;

    /// <summary>Whether the actor sits in this unit or above it (the path runs from the nation down to the unit).</summary>
    public bool SitsOnPath(IReadOnlyList<string> jurisdictionPath) => jurisdictionPath.Contains(Seat);
}

/// <summary>
/// Thẩm quyền: who the law lets act or read. A workflow step is acted on by its acting body, in one of its roles, in the
/// unit that body serves for the process (workflows/ name both); observers and administrators are never among them.
/// Dossiers are read within the process's unit and above until the official list is published; protected personal
/// data only by the bodies preparing the process and the Front committees above it.
/// </summary>
public static class Mandate
{
    public const string RoleNotMandated = "role-not-mandated";
    public const string BodyNotMandated = "body-not-mandated";
    public const string OutsideJurisdiction = "outside-jurisdiction";
    public const string NotTheElectionCouncil = "not-election-council";

    /// <summary>The step kinds whose bodies handle candidates' dossiers, and so prepare the lists.</summary>
    private static readonly StepKind[] PreparingKinds = [StepKind.DossierWindow, StepKind.ConferenceRound, StepKind.VoterConferences, StepKind.ListPublication];

    /// <summary>
    /// The unit a body serves for a process in <paramref name="processJurisdiction"/>: its own, except the NA Standing
    /// Committee and the National Election Council, which exist only at the centre.
    /// </summary>
    public static string SeatOf(Body body, string processJurisdiction) =>
        body is Body.NationalAssemblyStandingCommittee or Body.NationalElectionCouncil ? Actor.Nation : processJurisdiction;

    /// <summary>Why <paramref name="actor"/> may not act on <paramref name="step"/> of a process in <paramref name="processJurisdiction"/>, or null.</summary>
    public static Refusal? WhyNotActOn(Actor actor, WorkflowStep step, string processJurisdiction)
    {
        if (!step.Roles.Any(actor.Roles.Contains))
        {
            return new Refusal(RoleNotMandated, new BilingualText(
                $"Bước '{step.Title.Vi}' do {ActorNames.Of(step.Roles).Vi} thực hiện; tài khoản không có vai trò đó.",
                $"Step '{step.Title.En}' is acted on by {ActorNames.Of(step.Roles).En}; this account holds none of those roles."));
        }

        if (actor.Body != step.ActingBody)
        {
            var (acting, theirs) = (ActorNames.Of(step.ActingBody), actor.Body is { } body ? ActorNames.Of(body) : new BilingualText("không cơ quan nào", "no body"));
            return new Refusal(BodyNotMandated, new BilingualText(
                $"Bước '{step.Title.Vi}' thuộc thẩm quyền của {acting.Vi}; tài khoản thuộc {theirs.Vi}.",
                $"Step '{step.Title.En}' is for the {acting.En} to act on; this account acts for {theirs.En}."));
        }

        var seat = SeatOf(step.ActingBody, processJurisdiction);
        return actor.Seat == seat ? null : Outside(actor, seat);
    }

    /// <summary>
    /// Opening a process: the body that runs its consultation rounds (the Front's standing board), in one of their roles,
    /// for the unit itself or from above it.
    /// </summary>
    public static Refusal? WhyNotOpen(Actor actor, WorkflowDefinition definition, IReadOnlyList<string> jurisdictionPath)
    {
        var conference = definition.StepOfKind(StepKind.ConferenceRound)!;
        if (WhyNotActOn(actor, conference, actor.Seat) is { Code: not OutsideJurisdiction } refusal) return refusal;
        return actor.SitsOnPath(jurisdictionPath) ? null : Outside(actor, jurisdictionPath[^1]);
    }

    /// <summary>Dossiers, lists and proceedings: within the process's unit and above, or anyone once the official list is published.</summary>
    public static Refusal? WhyNotReadDossiers(Actor actor, IReadOnlyList<string> jurisdictionPath, bool officialListPublished) =>
        officialListPublished || actor.SitsOnPath(jurisdictionPath) ? null : Outside(actor, jurisdictionPath[^1]);

    /// <summary>
    /// Protected personal data: the bodies that prepare this process's lists, where they act for it, and the Front
    /// committees above it, in the roles the law gives those steps.
    /// </summary>
    public static Refusal? WhyNotReadProtectedData(Actor actor, WorkflowDefinition definition, IReadOnlyList<string> jurisdictionPath)
    {
        var preparing = definition.Steps.Where(step => PreparingKinds.Contains(step.Kind)).ToList();
        var processJurisdiction = jurisdictionPath[^1];
        var refusals = preparing.Select(step => WhyNotActOn(actor, step, processJurisdiction)).ToList();
        if (refusals.Any(refusal => refusal is null)) return null;

        var front = definition.StepOfKind(StepKind.ConferenceRound)!;
        var above = jurisdictionPath.Take(jurisdictionPath.Count - 1).Contains(actor.Seat);
        if (above && WhyNotActOn(actor, front, actor.Seat) is null) return null;

        return refusals.FirstOrDefault(refusal => refusal!.Code == OutsideJurisdiction) ?? refusals.First();
    }

    /// <summary>
    /// Amending a term's legal calendar: the National Election Council alone, at the centre, in any of its members' or
    /// clerks' roles (Art. 98(3)); never an observer or an administrator.
    /// </summary>
    public static Refusal? WhyNotAmendCalendar(Actor actor) =>
        actor.Body == Body.NationalElectionCouncil && actor.Seat == Actor.Nation
            && actor.Roles.Any(role => role is ActorRole.CommitteeChair or ActorRole.CommitteeMember or ActorRole.Clerk)
            ? null
            : new Refusal(NotTheElectionCouncil, new BilingualText(
                "Chỉ Hội đồng bầu cử quốc gia được điều chỉnh thời gian thực hiện các bước (Luật Bầu cử, Điều 98 khoản 3).",
                "Only the National Election Council may adjust the timing of steps (Election Law, Art. 98(3))."));

    private static Refusal Outside(Actor actor, string unit) =>
        new(OutsideJurisdiction, new BilingualText(
            $"Tài khoản chỉ thao tác trong địa bàn {actor.Seat}; việc này thuộc địa bàn {unit}.",
            $"This account acts only within {actor.Seat}; this belongs to {unit}."));
}
