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

    /// <summary>The moment the page was drawn, for the timeline's "today".</summary>
    public DateTimeOffset Now { get; private set; }

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
        Now = clock.GetUtcNow();
        Timeline = TimelineChart.For(Details, Zone, Now, step => Ui.T(step.Title));
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
/// The timeline as drawn: x from the process's opening to election day; one row a step, its full title on a line or
/// two above its marks: a diamond at the legal deadline (and a dashed one where it stood before an NEC amendment), a
/// dot at the completion (green on time, red late); the holidays as bands, today as a dashed line and election day as a
/// solid one, each labelled with its date. Drawn at its own size (text of 12 units and more) and scrolled on a phone.
/// </summary>
public sealed record TimelineChart(
    int Width, int Height, int Bottom, IReadOnlyList<TimelineRow> Rows, TimelineLine? Today, TimelineLine ElectionDay,
    IReadOnlyList<(double X, DateTimeOffset At, string Anchor)> Ticks, IReadOnlyList<HolidayBand> Holidays)
{
    public const int Left = 16;
    public const int Top = 40;
    private const int ChartWidth = 720;
    private const int LineHeight = 16;

    /// <summary>The characters a title's line holds at 13 units across the chart's width; a longer title wraps.</summary>
    private const int LineCharacters = 84;

    public static TimelineChart For(ConsultationProcessDetails details, TimeZoneInfo zone, DateTimeOffset now, Func<StepView, string> title)
    {
        var electionDay = HolidayBand.Start(details.ElectionDay, zone);
        var dated = details.Steps.Select(step => step.DueAt).Concat(details.Steps.Select(step => step.Amendment?.OriginalDueAt)).OfType<DateTimeOffset>().ToList();
        var start = new[] { details.OpenedAt }.Concat(dated).Min().AddDays(-3);
        var end = new[] { electionDay }.Concat(dated).Concat(details.Steps.Select(step => step.CompletedAt).OfType<DateTimeOffset>()).Max().AddDays(3);
        double X(DateTimeOffset at) => Left + ChartWidth * (at - start).TotalSeconds / (end - start).TotalSeconds;
        string Anchor(double x) => x < Left + 60 ? "start" : x > Left + ChartWidth - 60 ? "end" : "middle";

        var rows = new List<TimelineRow>();
        var top = Top;
        foreach (var step in details.Steps)
        {
            var lines = Wrap(title(step));
            var y = top + lines.Count * LineHeight + 8;
            rows.Add(new TimelineRow(step, lines, top, y,
                step.DueAt is { } due ? X(due) : null,
                step.Amendment is { } amendment ? X(amendment.OriginalDueAt) : null,
                step.CompletedAt is { } done ? X(done) : null,
                step.CompletedAt is { } completed && step.DueAt is { } deadline && completed > deadline));
            top = y + 12;
        }

        var ticks = Enumerable.Range(0, 6).Select(i => start + (end - start) * i / 5).Select(at => (X(at), at, Anchor(X(at)))).ToList();
        var holidays = details.Holidays
            .Select(holiday => (holiday, from: HolidayBand.Start(holiday.From, zone), to: HolidayBand.Start(holiday.To.AddDays(1), zone)))
            .Where(band => band.to > start && band.from < end)
            .Select(band => new HolidayBand(band.holiday, X(band.from < start ? start : band.from), X(band.to > end ? end : band.to)))
            .ToList();
        var today = now >= start && now <= end ? new TimelineLine(X(now), Anchor(X(now))) : null;
        return new TimelineChart(Left + ChartWidth + 24, top + 24, top, rows, today, new TimelineLine(X(electionDay), Anchor(X(electionDay))), ticks, holidays);
    }

    /// <summary>A title cut into lines at spaces, none longer than the chart holds unless a single word is; never shortened.</summary>
    public static IReadOnlyList<string> Wrap(string title)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > LineCharacters)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : $"{line} {word}";
            }
        }

        lines.Add(line);
        return lines;
    }
}

/// <summary>A vertical line across the rows (today, election day), and how its label is anchored so it stays inside the drawing.</summary>
public sealed record TimelineLine(double X, string Anchor);

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

/// <summary>A step's row: its title's lines from <paramref name="Top"/>, and its marks on the line at <paramref name="Y"/>.</summary>
/// <param name="OriginalDue">Where the term's calendar put the deadline, when the NEC has moved it.</param>
public sealed record TimelineRow(StepView Step, IReadOnlyList<string> Lines, int Top, int Y, double? Due, double? OriginalDue, double? Completed, bool Late);
