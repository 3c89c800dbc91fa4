using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Forms;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Lists;

/// <summary>
/// Danh sách sơ bộ, bản in: the candidates round 2 agreed, in legal order with the official list's public columns, on the
/// form the Front body signs with round 2's minutes.
/// </summary>
[ReadsDossiers]
public sealed class PreliminaryListModel(IQuerySession session, SeedCatalog seeds, FormComposer forms) : PageModel
{
    public ConsultationProcess Process { get; private set; } = null!;

    public string JurisdictionName => seeds.UnitNameOf(Process.JurisdictionCode, Process.TermId);

    /// <summary>Round 2's candidates, once its decisions are recorded.</summary>
    public IReadOnlyList<OfficialListRow>? Rows { get; private set; }

    public OfficialForm? Form { get; private set; }

    /// <summary>Round 2's minutes are signed: until then the list does not bind.</summary>
    public bool Binding { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ConsultationProcess>(id, cancellation) is not { } process) return NotFound();
        Process = process;
        var conferenceId = ConsultationConference.IdFor(id, 2);
        if (await session.LoadAsync<ConsultationConference>(conferenceId, cancellation) is not { Decisions.Candidates: { } candidates } conference) return Page();

        var dossiers = (await session.LoadManyAsync<Candidacy>(cancellation, candidates.Select(candidate => candidate.CandidacyId).ToArray()))
            .ToDictionary(candidacy => candidacy.Id, candidacy => candidacy.Dossier);
        Rows = [.. ListRules.InLegalOrder(candidates.Where(candidate => dossiers.ContainsKey(candidate.CandidacyId)), candidate => candidate.FullName)
            .Select((candidate, index) => OfficialListExport.RowOf(null, index + 1, dossiers[candidate.CandidacyId], process, seeds))];
        var signed = (await session.Events.FetchStreamAsync(conferenceId, token: cancellation)).LastOrDefault(e => e.Data is MinutesSigned);
        Binding = signed is not null;
        Form = forms.Compose(process, FormKind.PreliminaryList, conference.SignedAt ?? conference.ScheduledAt, conference.MinutesReference, signed, Request);
        return Page();
    }
}
