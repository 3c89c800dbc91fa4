using ElectionPrep.Common;
using ElectionPrep.Workflows;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.ConsultationProcesses;

public class Migrating_a_running_process
{
    /// <summary>Version 2 moves the committee's deadline and adds a step after round 3.</summary>
    private static readonly WorkflowDefinition Version2 = Version1 with
    {
        Version = 2,
        Steps =
        [
            .. Version1.Steps.Select(step => step.Id == "committee" ? step with { Deadline = "first-consultation" } : step),
            Step("posted", StepKind.ListPosting, ["round-3"]),
        ],
    };

    private static readonly Spec<ConsultationProcess> Running =
        Spec.Process.Given(Opened(), Activated("committee", DueDates["election-committees-formed"]), Activated("projected", DueDates["structure-projected"]));

    private static Func<ConsultationProcess, Decision> Migrates(int version, bool dryRun, WorkflowDefinition? to = null) =>
        process => MigrateProcess.Decide(new MigrateProcess(ProcessId, version, dryRun, "admin", "KH 42 sửa đổi"), process, Version1, to ?? Version2, DueDates, TestTerms.Now);

    [Fact]
    public void A_dry_run_records_only_the_plan()
    {
        var planned = Running.When(Migrates(2, dryRun: true)).Then<ProcessMigrationPlanned>();

        Assert.Equal(["added step posted", "step committee: deadline election-committees-formed → first-consultation"], planned.Changes);
        Assert.Equal((1, 2, "KH 42 sửa đổi"), (planned.FromVersion, planned.ToVersion, planned.Reason));
    }

    [Fact]
    public void Applying_moves_the_process_to_the_new_version()
    {
        var outcome = Running.When(Migrates(2, dryRun: false));

        Assert.IsType<ProcessMigrated>(outcome.ThenAccepted()[0]);
        Assert.Equal(2, outcome.ThenState().DefinitionVersion);
    }

    [Fact]
    public void Applying_reschedules_open_steps_whose_deadline_changed()
    {
        var outcome = Running.When(Migrates(2, dryRun: false));

        Assert.Equal(new StepRescheduled(ProcessId, "committee", DueDates["first-consultation"], TestTerms.Now), Assert.Single(outcome.ThenAccepted().OfType<StepRescheduled>()));
        Assert.Equal(DueDates["first-consultation"], outcome.ThenState().Progress("committee")!.DueAt);
    }

    [Fact]
    public void Migrating_to_the_version_it_runs_is_refused() =>
        Running.When(Migrates(1, false, to: Version1)).ThenRefused(MigrateProcess.SameVersion);

    [Fact]
    public void Migrating_to_another_workflow_is_refused() =>
        Running.When(Migrates(2, false, to: Version2 with { Id = "district-council" })).ThenRefused(MigrateProcess.OtherWorkflow);

    [Fact]
    public void A_version_without_a_step_already_started_is_refused()
    {
        var withoutCommittee = Version2 with { Steps = Version2.Steps.Where(step => step.Id != "committee").ToList() };

        var refusal = Running.When(Migrates(2, false, to: withoutCommittee)).ThenRefused(MigrateProcess.WouldOrphanStep);

        Assert.Contains("committee", refusal.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_process_is_not_migrated() =>
        Running.Given(new ConsultationProcessCompleted(ProcessId, TestTerms.Now)).When(Migrates(2, false)).ThenRefused(CompleteStep.ProcessClosed);
}
