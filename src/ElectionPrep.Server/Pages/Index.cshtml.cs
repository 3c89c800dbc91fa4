using ElectionPrep.Http;
using ElectionPrep.AdministrativeUnits;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using ElectionPrep.Terms;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace ElectionPrep.Pages;

/// <summary>
/// Trang chính: the inbox of the signed-in account's body in its jurisdiction (due dates in Vietnam time) and the
/// roll-up of the processes in that jurisdiction and beneath it.
/// </summary>
[SignedIn]
public sealed class IndexModel(IQuerySession session, NpgsqlDataSource database, WorkflowCatalog workflows, SeedCatalog seeds, ElectionPrep.Audit.AuditKeys keys) : PageModel
{
    public string Name => Actors.Of(User);

    public IReadOnlyList<ActorRole> Roles => Actors.RolesOf(User);

    public Inbox? Inbox { get; private set; }

    [BindProperty(SupportsGet = true)]
    public CouncilKind? Council { get; set; }

    [BindProperty(SupportsGet = true)]
    public UnitLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>Latest due first, when set; soonest first by default.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Latest { get; set; }

    /// <summary>The candidacies the inbox's complaints are about: the account's own body reads them in its unit.</summary>
    public IReadOnlyDictionary<string, Candidacy> Candidacies { get; private set; } = new Dictionary<string, Candidacy>();

    public Rollup? Rollup { get; private set; }

    /// <summary>For observers and administrators, who audit: the latest checkpoint checked against the stored tree.</summary>
    public ElectionPrep.Audit.LogStatus? Log { get; private set; }

    public TimeZoneInfo Zone => seeds.TimeZoneOf(seeds.LatestTerm);

    public string NameOf(string jurisdictionCode) => seeds.Units.NameOf(jurisdictionCode);

    public string TermName(string termId) => seeds.FindTerm(termId) is { } term ? Ui.T(term.Name) : termId;

    /// <summary>"HĐND cấp xã — Phường Sông Cầu": a process as a person names it.</summary>
    public string ProcessName(InboxItem item) => $"{Names.Of(item.Council)} — {seeds.UnitNameOf(item.JurisdictionCode, item.TermId)}";

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var actor = Actors.ActorOf(User);
        if (actor.Body is { } body)
        {
            Inbox = await InboxEndpoint.BuildAsync(body, actor.Seat, new InboxFilter(null, Council, Level, Kind, Latest), session, workflows, seeds, cancellation);
            var complained = Inbox.Items.Where(item => item.CandidacyId is not null).Select(item => item.CandidacyId!).Distinct().ToArray();
            Candidacies = (await session.LoadManyAsync<Candidacy>(cancellation, complained)).ToDictionary(candidacy => candidacy.Id);
        }


        Rollup = await RollupEndpoint.Get(actor.Seat, database, cancellation);
        if (User.IsInRole(nameof(ActorRole.Observer)) || User.IsInRole(nameof(ActorRole.Administrator)))
        {
            Log = await ElectionPrep.Audit.LogStatus.CurrentAsync(session, keys, cancellation);
        }
    }
}
