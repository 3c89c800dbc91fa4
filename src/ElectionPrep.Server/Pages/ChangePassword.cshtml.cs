using ElectionPrep.Http;
using ElectionPrep.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages;

/// <summary>Đổi mật khẩu: the form posts to the API (<see cref="PasswordChange"/>); the one page a one-time password's session may see.</summary>
[SignedIn]
public sealed class ChangePasswordModel : PageModel
{
    public bool Required => User.HasClaim(claim => claim.Type == Account.PasswordChangeClaim);

    public void OnGet()
    {
    }
}
