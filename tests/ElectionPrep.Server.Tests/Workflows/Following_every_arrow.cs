using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;

namespace ElectionPrep.Workflows;

/// <summary>
/// Runs every shipped definition through the domain's engine, completing one open step at a time by the domain's own
/// decision (conference steps with their round held and signed), and checks each arrow: a step opens in the activation
/// right after its last predecessor completes, never before; the loop ends only when the domain closes the process.
/// </summary>
public class Following_every_arrow
{
    private static readonly SeedCatalog Seeds = SeedCatalog.Load(SeedCatalog.DefaultPath);
    private static readonly WorkflowCatalog Catalog = WorkflowCatalog.Load(WorkflowCatalog.DefaultPath, Seeds);

    private static readonly Terms.RuleParameters Rules = Seeds.FindTerm("2021-2026")!.Rules;

    /// <summary>A round as its gates want it: everyone present, its decisions recorded, its minutes signed.</summary>
    private static ConsultationConferences.ConsultationConference HeldAndSigned(int round, DateTimeOffset at) =>
        new($"p.round-{round}", "p", round, ConsultationConferences.ConferenceStage.MinutesSigned, at, "x", "x", [], new ConsultationConferences.Attendance(6, 6, []),
            [], new ConsultationConferences.RoundDecisions(), "ket-qua", "BB", "test", at);

    public static TheoryData<string> Definitions => [.. Catalog.All.Select(definition => definition.Id)];

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Each_step_opens_exactly_when_every_step_it_waits_for_is_done(string definitionId)
    {
        var definition = Catalog.All.Single(candidate => candidate.Id == definitionId);
        var dueDates = Seeds.DueDates("2021-2026", definition.Council);
        var now = new DateTimeOffset(2021, 1, 1, 8, 0, 0, TimeSpan.FromHours(7));
        var process = ConsultationProcess.Evolve(null, new ConsultationProcessOpened("p", "2021-2026", definition.Council, "x", "x", ["VN", "x"],
            definition.Id, definition.Version, "test", now))!;
        var completed = new List<string>();

        while (process.Stage == ConsultationProcessStage.Open)
        {
            var activated = ActivateReadySteps.Decide(new ActivateReadySteps("p"), process, definition, dueDates, now).Events.Cast<StepActivated>().ToList();
            foreach (var step in activated.Select(e => definition.FindStep(e.StepId)!))
            {
                Assert.All(step.WaitsFor, predecessor => Assert.Contains(predecessor, completed));
                if (step.WaitsFor.Count > 0) Assert.Contains(completed[^1], step.WaitsFor);
                Assert.Equal(step.Deadline is null ? null : dueDates[step.Deadline], activated.Single(e => e.StepId == step.Id).DueAt);
            }

            process = activated.Aggregate(process, (state, e) => ConsultationProcess.Evolve(state, e)!);
            var next = process.ActiveSteps.First();
            var decision = CompleteStep.Decide(new CompleteStep("p", next, "test", definition.FindStep(next)!.Roles[0], "QĐ", null), process, definition,
                new GateInputs(definition.FindStep(next)!.Round is { } round ? HeldAndSigned(round, now) : null, [], Rules), now);
            Assert.Null(decision.Refusal);
            process = decision.Events.Aggregate(process, (state, e) => ConsultationProcess.Evolve(state, e)!);
            completed.Add(next);
        }

        Assert.Equal(definition.Steps.Select(step => step.Id).Order(), completed.Order());
    }
}
