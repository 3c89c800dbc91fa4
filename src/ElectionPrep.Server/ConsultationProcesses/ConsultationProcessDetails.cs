using ElectionPrep.Calendar;
using ElectionPrep.CalendarAmendments;
using ElectionPrep.Common;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>A consultation process: where each step of its workflow stands against the legal calendar.</summary>
/// <param name="Version">The stream version, to send back as expectedVersion for an optimistic write.</param>
public sealed record ConsultationProcessDetails(
    string Id,
    string TermId,
    BilingualText TermName,
    CouncilKind Council,
    string JurisdictionCode,
    string JurisdictionName,
    ConsultationProcessStage Stage,
    string DefinitionId,
    int DefinitionVersion,
    long Version,
    DateTimeOffset OpenedAt,
    DateOnly ElectionDay,
    string TimeZone,
    IReadOnlyList<StepView> Steps,
    IReadOnlyList<CalendarEntry> Calendar,
    IReadOnlyList<PublicHoliday> Holidays);

/// <summary>One step as a person needs to see it: its state, its deadline, what it waits for and who may act.</summary>
public sealed record StepView(
    string StepId,
    BilingualText Title,
    StepKind Kind,
    Body ActingBody,
    IReadOnlyList<ActorRole> Roles,
    string Status,
    DateTimeOffset? DueAt,
    bool Overdue,
    IReadOnlyList<string> WaitingFor,
    IReadOnlyList<string> LeadsTo,
    int? Round,
    DateTimeOffset? CompletedAt,
    string? CompletedBy,
    string? Reference,
    IReadOnlyList<LegalBasis> Basis,
    DeadlineAmendment? Amendment);

/// <summary>
/// The NEC's amendment in force for a step's deadline: the date the term's calendar gave (<paramref name="OriginalDueAt"/>),
/// shown beside the amended one, with the decision's reference and reason.
/// </summary>
public sealed record DeadlineAmendment(DateTimeOffset OriginalDueAt, string Reference, string Reason, DateTimeOffset AmendedAt);

/// <param name="DueAt">The deadline with the term's UTC offset, e.g. 2021-03-14T17:00:00+07:00.</param>
/// <param name="Holiday">The id of the public holiday the deadline falls on, e.g. "tet-binh-ngo".</param>
/// <param name="MovedFrom">The day the calendar gave, when the term's rule moved the deadline off a holiday.</param>
public sealed record CalendarEntry(
    string StepId,
    BilingualText Title,
    int DaysBeforeElection,
    DateTimeOffset DueAt,
    DateTimeOffset? OpensAt,
    IReadOnlyList<LegalBasis> Basis,
    string? Holiday,
    DateOnly? MovedFrom);

public static class ConsultationProcessDetailsEndpoint
{
    public const string Waiting = "Waiting";

    [WolverineGet(Routes.ConsultationProcess)]
    [SignedIn]
    public static async Task<IResult> Get(string id, IQuerySession session, SeedCatalog seeds, WorkflowCatalog workflows, CancellationToken cancellation)
    {
        var process = await session.LoadAsync<ConsultationProcess>(id, cancellation);
        if (process is null) return ProcessStreams.NotFound(id);

        var version = (await session.Events.FetchStreamStateAsync(id, cancellation))?.Version ?? 0;
        var amended = await AmendedDueDates.LoadAsync(session, process.TermId, cancellation);
        return Results.Ok(Describe(process, workflows.DefinitionOf(process), seeds, amended, version));
    }

    /// <param name="amended">The NEC's amendments of the term's calendar: a step's deadline shows beside the original.</param>
    public static ConsultationProcessDetails Describe(
        ConsultationProcess process, WorkflowDefinition definition, SeedCatalog seeds, AmendedCalendar? amended, long version)
    {
        var term = seeds.TermOf(process.TermId);
        var calendarSteps = term.Calendar.ToDictionary(step => step.Id);
        var calendar = LegalCalendar.For(term, process.Council, seeds.TimeZoneOf(term))
            .Select(deadline => new CalendarEntry(
                deadline.StepId, deadline.Title, calendarSteps[deadline.StepId].DaysBeforeElection, deadline.DueAt, deadline.OpensAt, deadline.Basis,
                deadline.Holiday?.Id, deadline.MovedFrom))
            .ToList();
        var seeded = calendar.ToDictionary(entry => entry.StepId, entry => entry.DueAt);
        var dueDates = AmendedDueDates.Of(process, seeds, amended);
        return new ConsultationProcessDetails(
            process.Id, process.TermId, term.Name, process.Council, process.JurisdictionCode, seeds.UnitNameOf(process.JurisdictionCode, process.TermId),
            process.Stage, process.DefinitionId, process.DefinitionVersion, version, process.OpenedAt, term.ElectionDay, term.TimeZone,
            definition.Steps.Select(step => View(step, process, definition, dueDates) with { Amendment = AmendmentOf(step, process, amended, seeded) }).ToList(),
            calendar, term.PublicHolidays);
    }

    private static StepView View(WorkflowStep step, ConsultationProcess process, WorkflowDefinition definition, IReadOnlyDictionary<string, DateTimeOffset> dueDates)
    {
        var progress = process.Progress(step.Id);
        return new StepView(
            step.Id, step.Title, step.Kind, step.ActingBody, step.Roles,
            progress?.Status.ToString() ?? Waiting,
            progress is null ? ActivateReadySteps.DueAt(step, dueDates) : progress.DueAt,
            progress?.IsOverdue ?? false,
            step.WaitsFor.Where(predecessor => process.Progress(predecessor)?.Status != StepStatus.Completed).ToList(),
            definition.LeadsTo(step.Id),
            step.Round,
            progress?.CompletedAt, progress?.CompletedBy, progress?.Reference, step.Basis, null);
    }

    private static DeadlineAmendment? AmendmentOf(WorkflowStep step, ConsultationProcess process, AmendedCalendar? amended, Dictionary<string, DateTimeOffset> seeded) =>
        step.Deadline is { } calendarStep && amended?.InForce(calendarStep, process.Council, process.JurisdictionPath) is { } amendment
            ? new DeadlineAmendment(seeded[calendarStep], amendment.Reference, amendment.Reason, amendment.AmendedAt)
            : null;
}
