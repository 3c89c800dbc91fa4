using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages;

/// <summary>Trang chính of the signed-in user.</summary>
[Authorize]
public sealed class IndexModel : PageModel
{
    public string Name => Actors.Of(User);

    public IReadOnlyList<Workflows.ActorRole> Roles => Actors.RolesOf(User);

    public void OnGet()
    {
    }
}
