using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep;

/// <summary>
/// A small workflow with a fork and a join: "projected" and "committee" start together; round 1 waits for
/// "projected", "constituencies" for "committee", and round 2 joins both branches; round 3 follows round 2.
/// </summary>
public static class TestWorkflows
{
    public const string ProcessId = "2021-2026.commune-council.01903";

    private static readonly LegalBasis[] Basis = [new("Luật 85/2015/QH13")];
    private static readonly ActorRole[] Recorders = [ActorRole.CommitteeChair, ActorRole.CommitteeMember, ActorRole.Clerk];
    private static readonly string[] ConferenceGates = [Gates.ConferenceQuorumMet, Gates.RoundDecisionsRecorded, Gates.MinutesSigned];

    public static WorkflowStep Step(string id, StepKind kind, string[] waitsFor, string? deadline = null, int[]? reminders = null, int? round = null,
        ActorRole[]? roles = null, RoundPurpose? decides = null) =>
        new(id, new BilingualText(id, id), kind, Body.FrontStandingBoard, roles ?? Recorders, waitsFor, Basis, deadline, reminders,
            kind == StepKind.ConferenceRound ? ConferenceGates : null, round, decides);

    public static readonly WorkflowDefinition Version1 = new("commune-council", 1, new BilingualText("Quy trình", "Workflow"), CouncilKind.CommuneCouncil,
        [new LegalInstrument("Luật 85/2015/QH13", new BilingualText("Luật Bầu cử", "Election law"), new DateOnly(2015, 9, 1))],
        [
            Step("projected", StepKind.StructureProjection, [], "structure-projected", [7, 2], roles: [ActorRole.Clerk, ActorRole.CommitteeChair]),
            Step("committee", StepKind.CommitteeFormation, [], "election-committees-formed", roles: [ActorRole.Clerk]),
            Step("round-1", StepKind.ConferenceRound, ["projected"], "first-consultation", round: 1, decides: RoundPurpose.Structure),
            Step("constituencies", StepKind.ConstituencyPublication, ["committee"], "constituencies-published"),
            Step("round-2", StepKind.ConferenceRound, ["round-1", "constituencies"], "second-consultation", round: 2, decides: RoundPurpose.PreliminaryList),
            Step("round-3", StepKind.ConferenceRound, ["round-2"], "third-consultation", round: 3, decides: RoundPurpose.QualifiedList),
        ]);

    public static readonly IReadOnlyDictionary<string, DateTimeOffset> DueDates = new Dictionary<string, DateTimeOffset>
    {
        ["structure-projected"] = Vietnam(2021, 2, 7, 23, 59, 59),
        ["election-committees-formed"] = Vietnam(2021, 2, 7, 23, 59, 59),
        ["first-consultation"] = Vietnam(2021, 2, 17, 23, 59, 59),
        ["constituencies-published"] = Vietnam(2021, 3, 4, 23, 59, 59),
        ["second-consultation"] = Vietnam(2021, 3, 19, 23, 59, 59),
        ["third-consultation"] = Vietnam(2021, 4, 18, 23, 59, 59),
    };

    public static DateTimeOffset Vietnam(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(7));

    public static ConsultationProcessOpened Opened(WorkflowDefinition? definition = null) =>
        new(ProcessId, "2021-2026", CouncilKind.CommuneCouncil, "01903", "Xã Thượng Giáo", ["VN", "06", "061", "01903"],
            (definition ?? Version1).Id, (definition ?? Version1).Version, "chair", TestTerms.Now);

    public static StepActivated Activated(string stepId, DateTimeOffset? due = null) => new(ProcessId, stepId, due, TestTerms.Now);

    public static StepCompleted Completed(string stepId) => new(ProcessId, stepId, "clerk", ActorRole.Clerk, $"QĐ {stepId}", null, TestTerms.Now);

    /// <summary>The process these events make, for specs that decide on another aggregate with it.</summary>
    public static ConsultationProcess Given(params object[] events) => Spec.Process.Given(events).State!;

    /// <summary>Version 1 with the voter conferences after round 2.</summary>
    public static readonly WorkflowDefinition WithVoterConferences = Version1 with
    {
        Steps = [.. Version1.Steps, Step("voters", StepKind.VoterConferences, ["round-2"])],
    };

    /// <summary>A process whose voter conferences are being held.</summary>
    public static readonly ConsultationProcess VotersOpen = Given(Opened(), Activated("voters"));
}
