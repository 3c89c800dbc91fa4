using ElectionPrep.ConsultationConferences;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep;

/// <summary>Conferences at each stage: six participants convened and one guest.</summary>
public static class TestConferences
{
    public static readonly Invitee[] Invitees =
    [
        .. Enumerable.Range(1, 6).Select(n => new Invitee($"p{n}", $"Thành viên {n}", "MTTQ", "Ủy viên", Participation.Participant)),
        new Invitee("g1", "Chủ tịch UBND", "UBND xã", "Chủ tịch", Participation.Guest),
    ];

    public static string IdFor(int round) => ConsultationConference.IdFor(ProcessId, round);

    /// <summary>When the conferences meet: the specs' now, so what they record is dated at or after the meeting began.</summary>
    public static readonly DateTimeOffset MeetsAt = TestTerms.Now;

    public static ConferenceConvened Convened(int round) =>
        new(IdFor(round), ProcessId, round, MeetsAt, "Hội trường UBND xã", "Chủ tịch MTTQ xã", Invitees, "chair", TestTerms.Now.AddDays(-7));

    public static AttendanceRecorded Present(int round, params string[] ids) => new(IdFor(round), ids, "clerk", TestTerms.Now);

    public static RoundDecisions DecisionsFor(int round) => round == 1
        ? new RoundDecisions(TotalNominees: 25, Allocations: [new NominationAllocation("Hội Liên hiệp Phụ nữ xã", 3, new Dictionary<string, int> { ["woman"] = 3 })])
        : new RoundDecisions(Candidates: [new CandidateEntry("c1", "Nguyễn Thị Lan"), new CandidateEntry("c2", "Hoàng Văn Minh")]);

    /// <summary>Convened, five of six present, the motion adopted 4–1 and the round's decisions recorded.</summary>
    public static object[] Ready(int round) =>
    [
        Convened(round),
        Present(round, "p1", "p2", "p3", "p4", "p5", "g1"),
        new MotionPut(IdFor(round), "m1", "Thông qua kết quả hiệp thương", "chair", TestTerms.Now),
        new VoteRecorded(IdFor(round), "m1", 4, 1, 0, VotingMethod.ShowOfHands, true, "clerk", TestTerms.Now),
        new RoundDecisionsRecorded(IdFor(round), round, "m1", DecisionsFor(round), "clerk", TestTerms.Now),
    ];

    public static MinutesSigned SignedMinutes(int round) =>
        new(IdFor(round), ProcessId, round, $"BB-{round}", "chair", Workflows.ActorRole.CommitteeChair, TestTerms.Now);

    /// <summary>A ready round whose minutes the chair signed, for specs that decide with it as a gate input.</summary>
    public static ConsultationConference WithSignedMinutes(int round) => Spec.Conference.Given([.. Ready(round), SignedMinutes(round)]).State!;
}
