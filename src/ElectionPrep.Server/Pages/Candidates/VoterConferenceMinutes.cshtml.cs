using ElectionPrep.Candidates;
using ElectionPrep.Common;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Forms;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Candidates;

/// <summary>
/// Biên bản hội nghị cử tri, bản in: the <c>number</c>th voter conference recorded for a candidate (1 the first), on the
/// form of the body that held it: voters invited and present, the counting team, trust and distrust, and the conclusion.
/// </summary>
[ReadsDossiers]
public sealed class VoterConferenceMinutesModel(IQuerySession session, SeedCatalog seeds, FormComposer forms) : PageModel
{
    public Candidacy Candidacy { get; private set; } = null!;

    public VoterConferenceRecorded Conference { get; private set; } = null!;

    public string Residence { get; private set; } = "";

    public OfficialForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, int number, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Candidacy>(id, cancellation) is not { } candidacy) return NotFound();
        var recorded = (await session.Events.FetchStreamAsync(id, token: cancellation)).Where(e => e.Data is VoterConferenceRecorded).ElementAtOrDefault(number - 1);
        if (recorded is not IEvent<VoterConferenceRecorded> { Data: var conference }) return NotFound();

        Candidacy = candidacy;
        Conference = conference;
        var dossier = candidacy.Dossier;
        var process = (await session.LoadAsync<ConsultationProcess>(candidacy.ConsultationProcessId, cancellation))!;
        Residence = seeds.UnitNameOf(dossier.ResidenceUnitCode, process.TermId);
        var atResidence = conference.Kind == VoterConferenceKind.Residence;
        Form = forms.Compose(process, FormKind.VoterConferenceMinutes, conference.HeldOn, atResidence ? dossier.ResidenceUnitCode : null, conference.MinutesReference,
            recorded, Request,
            new Dictionary<string, string>
            {
                ["place"] = atResidence ? "nơi cư trú" : "nơi công tác",
                ["residence"] = Residence,
                ["workplace"] = dossier.Workplace,
            },
            conference.Kind.ToString());
        return Page();
    }

    /// <summary>"75,5 %" of those present, as the minutes write it.</summary>
    public string ShareOfPresent(int votes) => Conference.Present == 0 ? "—" : Percentages.Of(100m * votes / Conference.Present).Vi;
}
