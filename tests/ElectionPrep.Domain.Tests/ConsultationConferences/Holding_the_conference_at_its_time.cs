using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Workflows;
using static ElectionPrep.TestConferences;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.ConsultationConferences;

public class Holding_the_conference_at_its_time
{
    private static readonly Spec<ConsultationProcess> RoundOne = Spec.Process.Given(Opened(), Activated("projected"), Completed("projected"), Activated("round-1"));

    /// <summary>The evening before the meeting: what the reported page accepted, minutes signed at 09:14 for a meeting the next day at 08:00.</summary>
    private static readonly DateTimeOffset TheEveningBefore = MeetsAt.AddHours(-23).AddMinutes(14);

    private static Func<ConsultationConference, Decision> SignsAt(DateTimeOffset now) =>
        conference => SignMinutes.Decide(new SignMinutes(IdFor(1), "BB-1", "chair", ActorRole.CommitteeChair), conference, RoundOne.State!, Version1, TestTerms.Rules, now);

    private static Func<ConsultationProcess, Decision> CompletesRoundOneAt(DateTimeOffset now) =>
        process => CompleteStep.Decide(new CompleteStep(ProcessId, "round-1", "chair", ActorRole.CommitteeChair, "BB-1", null), process, Version1,
            new GateInputs(WithSignedMinutes(1), [], TestTerms.Rules), now);

    [Fact]
    public void Minutes_are_not_signed_before_the_meeting_begins()
    {
        var refusal = Spec.Conference.Given(Ready(1)).When(SignsAt(TheEveningBefore)).ThenRefused(ConferenceRefusals.NotYetHeld);

        Assert.Contains("08:00 01/02/2021", refusal.Detail.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void Minutes_are_signed_from_the_moment_the_meeting_begins() =>
        Spec.Conference.Given(Ready(1)).When(SignsAt(MeetsAt)).Then<MinutesSigned>();

    [Fact]
    public void A_round_is_not_completed_before_its_meeting_begins() =>
        RoundOne.When(CompletesRoundOneAt(TheEveningBefore)).ThenRefused(ConferenceRefusals.NotYetHeld);

    [Fact]
    public void A_round_is_completed_once_its_meeting_has_begun() =>
        RoundOne.When(CompletesRoundOneAt(MeetsAt.AddHours(3))).Then<StepCompleted>();
}
