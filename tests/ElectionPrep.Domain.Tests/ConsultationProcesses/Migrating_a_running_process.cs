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

    private static readonly ConsultationProcess Running = Given(Opened(), Activated("committee", DueDates["election-committees-formed"]), Activated("projected", DueDates["structure-projected"]));

    private static MigrateProcess Migrate(int version, bool dryRun) => new(ProcessId, version, dryRun, "admin", "KH 42 sửa đổi");

    [Fact]
    public void A_dry_run_records_the_plan_and_changes_nothing_else()
    {
        var decision = MigrateProcess.Decide(Migrate(2, dryRun: true), Running, Version1, Version2, DueDates, TestTerms.Now);

        var planned = Assert.IsType<ProcessMigrationPlanned>(Assert.Single(decision.Events));
        Assert.Equal(["added step posted", "step committee: deadline election-committees-formed → first-consultation"], planned.Changes);
        Assert.Equal((1, 2, "KH 42 sửa đổi"), (planned.FromVersion, planned.ToVersion, planned.Reason));
    }

    [Fact]
    public void Applying_moves_the_process_to_the_new_version_and_reschedules_open_steps_whose_deadline_changed()
    {
        var decision = MigrateProcess.Decide(Migrate(2, dryRun: false), Running, Version1, Version2, DueDates, TestTerms.Now);
        var migrated = decision.Events.Aggregate(Running, (state, @event) => ConsultationProcess.Evolve(state, @event)!);

        Assert.IsType<ProcessMigrated>(decision.Events[0]);
        Assert.Equal(new StepRescheduled(ProcessId, "committee", DueDates["first-consultation"], TestTerms.Now), Assert.Single(decision.Events.OfType<StepRescheduled>()));
        Assert.Equal(2, migrated.DefinitionVersion);
        Assert.Equal(DueDates["first-consultation"], migrated.Progress("committee")!.DueAt);
    }

    [Fact]
    public void Migrating_to_the_version_it_runs_is_refused() =>
        Assert.Equal(MigrateProcess.SameVersion, MigrateProcess.Decide(Migrate(1, false), Running, Version1, Version1, DueDates, TestTerms.Now).Refusal?.Code);

    [Fact]
    public void Migrating_to_another_workflow_is_refused() =>
        Assert.Equal(MigrateProcess.OtherWorkflow,
            MigrateProcess.Decide(Migrate(2, false), Running, Version1, Version2 with { Id = "district-council" }, DueDates, TestTerms.Now).Refusal?.Code);

    [Fact]
    public void A_version_without_a_step_already_started_is_refused()
    {
        var withoutCommittee = Version2 with { Steps = Version2.Steps.Where(step => step.Id != "committee").ToList() };

        var refusal = MigrateProcess.Decide(Migrate(2, false), Running, Version1, withoutCommittee, DueDates, TestTerms.Now).Refusal!;

        Assert.Equal(MigrateProcess.WouldOrphanStep, refusal.Code);
        Assert.Contains("committee", refusal.Detail.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_process_is_not_migrated()
    {
        var closed = ConsultationProcess.Evolve(Running, new ConsultationProcessCompleted(ProcessId, TestTerms.Now))!;

        Assert.Equal(CompleteStep.ProcessClosed, MigrateProcess.Decide(Migrate(2, false), closed, Version1, Version2, DueDates, TestTerms.Now).Refusal?.Code);
    }
}
