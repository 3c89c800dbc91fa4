using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages;

/// <summary>Trang chính: the inbox of the signed-in account's body in its jurisdiction, due dates in Vietnam time.</summary>
[Authorize]
public sealed class IndexModel(IQuerySession session, WorkflowCatalog workflows, SeedCatalog seeds) : PageModel
{
    public string Name => Actors.Of(User);

    public IReadOnlyList<ActorRole> Roles => Actors.RolesOf(User);

    public Inbox? Inbox { get; private set; }

    public TimeZoneInfo Zone => seeds.TimeZoneOf(seeds.Terms.First());

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        if (User.FindFirst("jurisdiction")?.Value is { } jurisdiction && Enum.TryParse<Body>(User.FindFirst("body")?.Value, out var body))
        {
            Inbox = await InboxEndpoint.BuildAsync(body, jurisdiction, null, session, workflows, seeds, cancellation);
        }
    }

    public string Due(DateTimeOffset? due) =>
        due is { } at ? TimeZoneInfo.ConvertTime(at, Zone).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) : "—";
}
