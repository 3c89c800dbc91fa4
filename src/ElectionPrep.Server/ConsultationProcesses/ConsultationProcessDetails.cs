using ElectionPrep.Calendar;
using ElectionPrep.Common;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>A consultation process with its legal calendar: every step's deadline in the term's time zone.</summary>
public sealed record ConsultationProcessDetails(
    string Id,
    string TermId,
    CouncilKind Council,
    string JurisdictionCode,
    string JurisdictionName,
    ConsultationProcessStage Stage,
    DateTimeOffset OpenedAt,
    DateOnly ElectionDay,
    string TimeZone,
    IReadOnlyList<CalendarEntry> Calendar);

/// <param name="DueAt">The deadline with the term's UTC offset, e.g. 2021-03-14T17:00:00+07:00.</param>
public sealed record CalendarEntry(
    string StepId,
    BilingualText Title,
    int DaysBeforeElection,
    DateTimeOffset DueAt,
    DateTimeOffset? OpensAt,
    IReadOnlyList<LegalBasis> Basis);

public static class ConsultationProcessDetailsEndpoint
{
    [WolverineGet(Routes.ConsultationProcess)]
    public static async Task<IResult> Get(string id, IQuerySession session, SeedCatalog seeds, CancellationToken cancellation)
    {
        var process = await session.LoadAsync<ConsultationProcess>(id, cancellation);
        if (process is null)
        {
            return Problems.NotFound(new BilingualText(
                $"Không có quy trình hiệp thương '{id}'.", $"There is no consultation process '{id}'."));
        }

        var term = seeds.FindTerm(process.TermId)!;
        var jurisdiction = seeds.Units.Find(process.JurisdictionCode)!;
        var steps = term.Calendar.ToDictionary(step => step.Id);
        var calendar = LegalCalendar.For(term, process.Council, seeds.TimeZoneOf(term))
            .Select(deadline => new CalendarEntry(
                deadline.StepId, deadline.Title, steps[deadline.StepId].DaysBeforeElection, deadline.DueAt, deadline.OpensAt, deadline.Basis))
            .ToList();
        return Results.Ok(new ConsultationProcessDetails(
            process.Id, process.TermId, process.Council, process.JurisdictionCode, jurisdiction.Name,
            process.Stage, process.OpenedAt, term.ElectionDay, term.TimeZone, calendar));
    }
}
