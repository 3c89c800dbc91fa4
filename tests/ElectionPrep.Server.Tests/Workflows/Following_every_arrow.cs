using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;

namespace ElectionPrep.Workflows;

/// <summary>
/// Runs every shipped definition through the domain's engine, completing one open step at a time, and checks each
/// arrow: a step opens in the activation right after its last predecessor completes, never before.
/// </summary>
public class Following_every_arrow
{
    private static readonly SeedCatalog Seeds = SeedCatalog.Load(SeedCatalog.DefaultPath);
    private static readonly WorkflowCatalog Catalog = WorkflowCatalog.Load(WorkflowCatalog.DefaultPath, Seeds);

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
            var done = new object[] { new StepCompleted("p", next, "test", ActorRole.Clerk, null, null, now) }
                .Concat(process.Steps.Count == definition.Steps.Count && process.ActiveSteps.Count() == 1 ? [new ConsultationProcessCompleted("p", now)] : []);
            process = done.Aggregate(process, (state, e) => ConsultationProcess.Evolve(state, e)!);
            completed.Add(next);
        }

        Assert.Equal(definition.Steps.Select(step => step.Id).Order(), completed.Order());
    }
}
