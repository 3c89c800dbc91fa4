using System.Globalization;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Conferences;

/// <summary>
/// Biên bản hội nghị hiệp thương, printable: participants and guests with attendance, each motion with its vote,
/// the round's decisions, and the signature. Vietnamese, as the minutes are kept.
/// </summary>
[ReadsDossiers]
public sealed class MinutesModel(IQuerySession session, SeedCatalog seeds) : PageModel
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private TimeZoneInfo zone = TimeZoneInfo.Utc;

    public ConsultationConference Conference { get; private set; } = null!;

    public string JurisdictionName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ConsultationConference>(id, cancellation) is not { } conference)
        {
            // The same not-found problem as the conference's API answers.
            await ConferenceStreams.NotFound(id).ExecuteAsync(HttpContext);
            return new EmptyResult();
        }

        // A conference is only convened in an existing process.
        var process = (await session.LoadAsync<ConsultationProcess>(conference.ConsultationProcessId, cancellation))!;
        Conference = conference;
        JurisdictionName = seeds.UnitNameOf(process.JurisdictionCode, process.TermId);
        zone = seeds.TimeZoneOf(seeds.TermOf(process.TermId));
        return Page();
    }

    /// <summary>"14:00 ngày 05/02/2021", in the term's time zone.</summary>
    public string When(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm 'ngày' dd/MM/yyyy", Vietnamese);
}
