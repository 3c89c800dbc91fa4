using ElectionPrep.Accounts;
using ElectionPrep.Common;
using ElectionPrep.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages;

/// <summary>Đăng nhập: a local account signs in to a new server-side session; repeated failures are throttled (<see cref="SignInThrottle"/>).</summary>
[AllowAnonymous]
public sealed class SignInModel(Accounts.Accounts accounts) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    /// <summary>Why the attempt was not even checked, and when to try again.</summary>
    public BilingualText? Throttled { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        switch (await accounts.SignInAsync(Name, Password, SignInThrottle.AddressOf(HttpContext), cancellation))
        {
            case SignInOutcome.SignedIn signedIn:
                await SignInSessions.StartAsync(HttpContext, signedIn.Account);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Routes.Dashboard);
            case SignInOutcome.Throttled throttled:
                Throttled = SignInThrottle.Message(throttled.RetryAfter);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = SignInThrottle.Seconds(throttled.RetryAfter);
                return Page();
            default:
                Failed = true;
                return Page();
        }
    }
}
