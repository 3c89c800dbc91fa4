using ElectionPrep.Http;
using ElectionPrep.Candidates;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Candidates;

/// <summary>Thông tin được bảo vệ: citizen ID, address and contacts, for those who prepare the lists only (observers get 403).</summary>
[ReadsProtectedData]
public sealed class ProtectedDataModel(IQuerySession session) : PageModel
{
    public Candidacy Candidacy { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        Response.Headers.CacheControl = ProtectedResponses.NoStore;
        if (await session.LoadAsync<Candidacy>(id, cancellation) is not { } candidacy) return NotFound();
        Candidacy = candidacy;
        return Page();
    }
}
