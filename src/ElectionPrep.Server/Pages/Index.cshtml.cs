using ElectionPrep.Http;
using ElectionPrep.AdministrativeUnits;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using Marten;
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

    public Rollup? Rollup { get; private set; }

    /// <summary>For observers and administrators, who audit: checking it reads every leaf of the log.</summary>
    public ElectionPrep.Audit.LogStatus? Log { get; private set; }

    public TimeZoneInfo Zone => seeds.TimeZoneOf(seeds.LatestTerm);

    public string NameOf(string jurisdictionCode) => seeds.Units.NameOf(jurisdictionCode);

    /// <summary>"HĐND cấp xã — Phường Sông Cầu": a process as a person names it.</summary>
    public string ProcessName(InboxItem item) => $"{Names.Of(item.Council)} — {seeds.Units.NameOf(item.JurisdictionCode)}";

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var actor = Actors.ActorOf(User);
        if (actor.Body is { } body) Inbox = await InboxEndpoint.BuildAsync(body, actor.Seat, null, session, workflows, seeds, cancellation);

        Rollup = await RollupEndpoint.Get(actor.Seat, database, cancellation);
        if (User.IsInRole(nameof(ActorRole.Observer)) || User.IsInRole(nameof(ActorRole.Administrator)))
        {
            Log = await ElectionPrep.Audit.LogStatus.CurrentAsync(session, keys, cancellation);
        }
    }
}
