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

    /// <summary>A round as its gates want it: everyone present, its decisions recorded, its minutes signed.</summary>
    private static ConsultationConferences.ConsultationConference HeldAndSigned(int round, DateTimeOffset at) =>
        new($"p.round-{round}", "p", round, ConsultationConferences.ConferenceStage.MinutesSigned, at, "x", "x", [], new ConsultationConferences.Attendance(6, 6, []),
            [], new ConsultationConferences.RoundDecisions(), "ket-qua", "BB", "test", at);

    /// <summary>Every definition a term binds, with that term: its due dates and rules are the ones the process runs on.</summary>
    public static TheoryData<string, Terms.CouncilKind> Definitions
    {
        get
        {
            var data = new TheoryData<string, Terms.CouncilKind>();
            foreach (var term in Seeds.Terms)
            {
                foreach (var entry in term.Councils) data.Add(term.Id, entry.Council);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Each_step_opens_exactly_when_every_step_it_waits_for_is_done(string termId, Terms.CouncilKind council)
    {
        var term = Seeds.TermOf(termId);
        var definition = Catalog.For(term, council)!;
        var dueDates = Seeds.DueDates(termId, definition.Council);
        var now = new DateTimeOffset(term.ElectionDay.AddDays(-140).ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));
        var process = ConsultationProcess.Evolve(null, new ConsultationProcessOpened("p", termId, definition.Council, "x", "x", ["VN", "x"],
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
                new GateInputs(definition.FindStep(next)!.Round is { } round ? HeldAndSigned(round, now) : null, [], term.Rules), now);
            Assert.Null(decision.Refusal);
            process = decision.Events.Aggregate(process, (state, e) => ConsultationProcess.Evolve(state, e)!);
            completed.Add(next);
        }

        Assert.Equal(definition.Steps.Select(step => step.Id).Order(), completed.Order());
    }
}
