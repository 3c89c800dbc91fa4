using ElectionPrep.Common;
using System.Security.Claims;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>The body of POST …/migrations.</summary>
/// <param name="DryRun">Record and report the plan without changing the process.</param>
public sealed record MigrateProcessRequest(int ToVersion, bool DryRun, [MultiLine] string Reason, long? ExpectedVersion) : IExpectsVersion;

public sealed class MigrateProcessRequestValidator : AbstractValidator<MigrateProcessRequest>
{
    public MigrateProcessRequestValidator()
    {
        RuleFor(request => request.ToVersion).GreaterThan(0)
            .WithMessage("Phiên bản đích phải lớn hơn 0.", "The target version must be greater than 0.");
        RuleFor(request => request.Reason).NotEmpty()
            .WithMessage("Cần nêu lý do chuyển phiên bản.", "A reason for the migration is required.");
        RuleFor(request => request.ExpectedVersion).IsExpectedVersion();
    }
}

/// <summary>What a migration changes (or would change), as recorded.</summary>
public sealed record MigrationReport(string ConsultationProcessId, string DefinitionId, int FromVersion, int ToVersion, bool DryRun, IReadOnlyList<string> Changes);

public static class MigrateProcessEndpoint
{
    /// <summary>Only administrators change the definition a running process follows.</summary>
    [WolverinePost(Routes.Migrations)]
    [WritesProcess<MigrateProcessRequest>]
    [Administers]
    public static (IResult, OutgoingMessages) Post(MigrateProcessRequest request, ProcessForWriting loaded, DecisionSources sources, ClaimsPrincipal user)
    {
        var id = loaded.Process.Id;
        var target = sources.Workflows.Find(loaded.Definition.Id, request.ToVersion);
        if (target is null)
        {
            return (Problems.NotFound(new($"Không có phiên bản {request.ToVersion} của {loaded.Definition.Id}.",
                $"There is no version {request.ToVersion} of {loaded.Definition.Id}.")), []);
        }

        var command = new MigrateProcess(id, request.ToVersion, request.DryRun, Actors.Of(user), request.Reason);
        var decision = MigrateProcess.Decide(command, loaded.Process, loaded.Definition, target,
            loaded.DueDates(sources.Seeds), loaded.Now);
        if (decision.Refusal is { } refusal) return (Problems.Refused(refusal), []);

        loaded.Stream.AppendMany(decision.Events);
        var changes = decision.Events.OfType<ProcessMigrationPlanned>().Select(planned => planned.Changes)
            .Concat(decision.Events.OfType<ProcessMigrated>().Select(migrated => migrated.Changes)).Single();
        var report = Results.Ok(new MigrationReport(id, target.Id, loaded.Definition.Version, target.Version, request.DryRun, changes));
        if (request.DryRun) return (report, []);

        var timers = ProcessTimers.Schedule(ProcessTimers.For(decision.Events, target), sources.Clock);
        timers.Add(new ActivateReadySteps(id));
        return (report, timers);
    }
}
