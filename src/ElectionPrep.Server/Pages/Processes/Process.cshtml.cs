using ElectionPrep.CalendarAmendments;
using ElectionPrep.Http;
using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Processes;

/// <summary>
/// Trang quy trình: every step against the legal calendar (an SVG timeline of planned deadlines and actual
/// completions), what is open now, what is blocked and why, and the forms to act on open steps.
/// </summary>
[SignedIn]
public sealed class ProcessModel(IQuerySession session, WorkflowCatalog workflows, SeedCatalog seeds, TimeProvider clock) : PageModel
{
    public ConsultationProcessDetails Details { get; private set; } = null!;

    public ConsultationProcess Process { get; private set; } = null!;

    public WorkflowDefinition Definition { get; private set; } = null!;

    public IReadOnlyDictionary<string, IReadOnlyList<GateResult>> Blocked { get; private set; } = new Dictionary<string, IReadOnlyList<GateResult>>();

    public IReadOnlyList<int> ConvenedRounds { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public TimelineChart Timeline { get; private set; } = null!;

    /// <summary>Whether the term's rule moves a deadline off a holiday; by default it stays and is shown as falling on it.</summary>
    public bool DeadlinesMoveOffHolidays { get; private set; }

    /// <summary>The public holiday a deadline falls on, in the term's zone, or null.</summary>
    public PublicHoliday? HolidayOn(DateTimeOffset? at) =>
        at is { } instant ? Details.Holidays.FirstOrDefault(holiday => HolidayBand.Covers(holiday, instant, Zone)) : null;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        var process = await session.LoadAsync<ConsultationProcess>(id, cancellation);
        if (process is null) return NotFound();

        var definition = workflows.DefinitionOf(process);
        (Process, Definition) = (process, definition);
        var term = seeds.FindTerm(process.TermId)!;
        Zone = seeds.TimeZoneOf(term);
        DeadlinesMoveOffHolidays = term.Rules.DeadlinesMoveOffHolidays;
        var version = (await session.Events.FetchStreamStateAsync(id, cancellation))?.Version ?? 0;
        Details = ConsultationProcessDetailsEndpoint.Describe(process, definition, seeds,
            await AmendedDueDates.LoadAsync(session, process.TermId, cancellation), version);

        var blocked = new Dictionary<string, IReadOnlyList<GateResult>>();
        foreach (var step in definition.Steps.Where(step => process.Progress(step.Id)?.Status == StepStatus.Active))
        {
            var failing = await InboxEndpoint.FailingGatesAsync(process, definition, step, term.Rules, session, cancellation);
            if (failing.Count > 0) blocked[step.Id] = failing;
        }

        Blocked = blocked;
        var rounds = definition.Steps.Where(step => step.Round is not null).Select(step => step.Round!.Value).Distinct().ToList();
        var conferences = await session.LoadManyAsync<ConsultationConference>(cancellation, rounds.Select(round => ConsultationConference.IdFor(id, round)));
        ConvenedRounds = [.. conferences.Select(conference => conference.Round).Order()];
        Timeline = TimelineChart.For(Details, Zone, clock.GetUtcNow());
        return Page();
    }

    public static string ConferenceId(string processId, int round) => ConsultationConference.IdFor(processId, round);

    public string StatusText(StepView step) => step.Status switch
    {
        nameof(StepStatus.Completed) => Ui.T("Đã xong", "Completed"),
        nameof(StepStatus.Active) when step.Overdue => Ui.T("Quá hạn", "Overdue"),
        nameof(StepStatus.Active) when Blocked.ContainsKey(step.StepId) => Ui.T("Chưa đủ điều kiện", "Blocked"),
        nameof(StepStatus.Active) => Ui.T("Đang mở", "Open"),
        _ => Ui.T("Chờ", "Waiting"),
    };
}

/// <summary>
/// The timeline as drawn: one row a step, x from the process's opening to election day; a diamond at the legal
/// deadline (and a dashed one where it stood before an NEC amendment), a dot at the completion (green on time, red late), and a line for today.
/// </summary>
public sealed record TimelineChart(
    int Width, int Height, int Left, IReadOnlyList<TimelineRow> Rows, double? Today, double ElectionDay, IReadOnlyList<(double X, DateTimeOffset At)> Ticks,
    IReadOnlyList<HolidayBand> Holidays)
{
    public const int RowHeight = 24;
    private const int ChartWidth = 640;

    /// <summary>The room a step's title has left of the chart; the full title is the row's tooltip and is in the table below.</summary>
    private const int LabelCharacters = 44;

    public static string Label(string title) => title.Length <= LabelCharacters ? title : string.Concat(title.AsSpan(0, LabelCharacters - 1), "…");

    public static TimelineChart For(ConsultationProcessDetails details, TimeZoneInfo zone, DateTimeOffset now)
    {
        var midnight = details.ElectionDay.ToDateTime(TimeOnly.MinValue);
        var electionDay = new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        var dated = details.Steps.Select(step => step.DueAt).Concat(details.Steps.Select(step => step.Amendment?.OriginalDueAt)).OfType<DateTimeOffset>().ToList();
        var start = new[] { details.OpenedAt }.Concat(dated).Min().AddDays(-3);
        var end = new[] { electionDay }.Concat(dated).Concat(details.Steps.Select(step => step.CompletedAt).OfType<DateTimeOffset>()).Max().AddDays(3);
        const int left = 300;
        double X(DateTimeOffset at) => left + ChartWidth * (at - start).TotalSeconds / (end - start).TotalSeconds;

        var rows = details.Steps.Select((step, index) => new TimelineRow(
            step, 30 + index * RowHeight,
            step.DueAt is { } due ? X(due) : null,
            step.Amendment is { } amendment ? X(amendment.OriginalDueAt) : null,
            step.CompletedAt is { } done ? X(done) : null,
            step.CompletedAt is { } completed && step.DueAt is { } deadline && completed > deadline)).ToList();
        var ticks = Enumerable.Range(0, 6).Select(i => start + (end - start) * i / 5).Select(at => (X(at), at)).ToList();
        var holidays = details.Holidays
            .Select(holiday => (holiday, from: HolidayBand.Start(holiday.From, zone), to: HolidayBand.Start(holiday.To.AddDays(1), zone)))
            .Where(band => band.to > start && band.from < end)
            .Select(band => new HolidayBand(band.holiday, X(band.from < start ? start : band.from), X(band.to > end ? end : band.to)))
            .ToList();
        return new TimelineChart(left + ChartWidth + 20, 40 + rows.Count * RowHeight, left, rows, now >= start && now <= end ? X(now) : null, X(electionDay), ticks, holidays);
    }
}

/// <param name="OriginalDue">Where the term's calendar put the deadline, when the NEC has moved it.</param>
/// <summary>A public holiday drawn as a shaded band across every row, from its first day's start to its last day's end.</summary>
public sealed record HolidayBand(PublicHoliday Holiday, double From, double To)
{
    public static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    public static bool Covers(PublicHoliday holiday, DateTimeOffset at, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        return holiday.From <= day && day <= holiday.To;
    }
}

public sealed record TimelineRow(StepView Step, int Y, double? Due, double? OriginalDue, double? Completed, bool Late);
