using ElectionPrep.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ElectionPrep.Pages;

/// <summary>Đăng nhập: a local account signs in to a cookie session; attempts are rate limited.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInModel.RateLimit)]
public sealed class SignInModel(Accounts.Accounts accounts) : PageModel
{
    public const string RateLimit = "sign-in";

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var account = await accounts.SignInAsync(Name, Password, cancellation);
        if (account is null)
        {
            Failed = true;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, account.Principal(CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
