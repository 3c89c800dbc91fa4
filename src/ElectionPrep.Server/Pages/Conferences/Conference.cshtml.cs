using ElectionPrep.Http;
using ElectionPrep.CandidateLists;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Seeds;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Conferences;

/// <summary>
/// Hội nghị hiệp thương: convene it, take attendance, put motions and record votes, record the round's decisions,
/// and the chair signs the minutes; each form posts to the conference endpoints, which refuse with the reason.
/// </summary>
[ReadsDossiers]
public sealed class ConferenceModel(IQuerySession session, SeedCatalog seeds, Workflows.WorkflowCatalog workflows) : PageModel
{
    public string Id { get; private set; } = "";

    public ConsultationProcess Process { get; private set; } = null!;

    public string JurisdictionName => seeds.UnitNameOf(Process.JurisdictionCode, Process.TermId);

    public int Round { get; private set; }

    /// <summary>What this round decides, which is what its decisions form asks for.</summary>
    public Workflows.RoundPurpose? Purpose { get; private set; }

    public ConsultationConference? Conference { get; private set; }

    /// <summary>Who may be put on the round's list: everyone standing, in legal order.</summary>
    public IReadOnlyList<ListEntry> Standing { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>The bodies the term's rules name for a consultation conference: the convening form offers one row for each.</summary>
    public IReadOnlyList<Terms.ConferenceBody> Bodies { get; private set; } = [];

    /// <summary>The convening form's rows: one a body, and a few spare for anyone else.</summary>
    public IReadOnlyList<InviteeRow> InviteeRows =>
        [.. Bodies.Concat(Enumerable.Repeat<Terms.ConferenceBody?>(null, SpareRows)).Select((body, index) => new InviteeRow($"{index}", index + 1, body))];

    /// <summary>The row the page adds when a person asks for another; the script numbers it.</summary>
    public static InviteeRow NewRow { get; } = new("__i__", null, null);

    private const int SpareRows = 3;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        if (!ConsultationConference.TryParseId(id, out var processId, out var round)) return NotFound();
        if (await session.LoadAsync<ConsultationProcess>(processId, cancellation) is not { } process) return NotFound();

        Id = id;
        Round = round;
        Process = process;
        Purpose = workflows.DefinitionOf(process).PurposeOf(round);
        var term = seeds.TermOf(process.TermId);
        Zone = seeds.TimeZoneOf(term);
        Bodies = term.Rules.ConsultationConferenceBodies.Bodies;
        Conference = await session.LoadAsync<ConsultationConference>(id, cancellation);
        var list = await session.LoadAsync<CandidateList>(CandidateList.IdFor(process.Id), cancellation);
        Standing = [.. ListRules.InLegalOrder(list?.Standing ?? [], entry => entry.FullName)];
        return Page();
    }
}

/// <summary>One row of the convening form: its index in the posted list, its number as a person counts, and the body it is for.</summary>
public sealed record InviteeRow(string Index, int? Number, Terms.ConferenceBody? Body);
