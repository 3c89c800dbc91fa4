using System.Buffers.Text;
using System.Security.Cryptography;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ElectionPrep.Accounts;

/// <summary>
/// Phiên đăng nhập: a signed-in browser's session, kept in the database so that signing out ends it on every server node;
/// the cookie holds only its key. <paramref name="Ticket"/> is the cookie handler's serialized ticket.
/// </summary>
public sealed record SignInSession(string Id, string Account, byte[] Ticket, DateTimeOffset? ExpiresAt);

/// <summary>
/// The cookie handler's session store (<see cref="CookieAuthenticationOptions.SessionStore"/>) on Marten: a cookie whose
/// session was removed (sign-out, a password reset or change) is refused even though it is still well signed.
/// </summary>
/// <remarks><paramref name="clock"/> is the host's, which the cookie handler also reads expiry times from.</remarks>
public sealed class SignInSessions(IDocumentStore store, TimeProvider clock) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await using var session = store.LightweightSession();
        // Sessions that ran out without a sign-out would otherwise stay for ever.
        var now = clock.GetUtcNow();
        session.DeleteWhere<SignInSession>(expired => expired.ExpiresAt < now);
        session.Insert(Document(key, ticket));
        await session.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var session = store.LightweightSession();
        // A sliding renewal must not bring back a session that was removed meanwhile.
        if (await session.LoadAsync<SignInSession>(key) is null) return;
        session.Update(Document(key, ticket));
        try
        {
            await session.SaveChangesAsync();
        }
        catch (JasperFx.ConcurrencyException)
        {
            // Removed between the load and the update: it stays removed.
        }
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<SignInSession>(key) is { } found ? TicketSerializer.Default.Deserialize(found.Ticket) : null;
    }

    public async Task RemoveAsync(string key)
    {
        await using var session = store.LightweightSession();
        session.Delete<SignInSession>(key);
        await session.SaveChangesAsync();
    }

    private static SignInSession Document(string key, AuthenticationTicket ticket) =>
        new(key, Actors.Of(ticket.Principal), TicketSerializer.Default.Serialize(ticket), ticket.Properties.ExpiresUtc);

    /// <summary>
    /// Signs the account in to a session under a new key, ending the request's own session first if it had one: the
    /// request's cookie handler would renew its session under the old key, and a copy of the old cookie (say, of the
    /// one-time password's session) would then ride into the new one.
    /// </summary>
    public static async Task StartAsync(HttpContext context, Account account)
    {
        const string scheme = CookieAuthenticationDefaults.AuthenticationScheme;
        if (context.User.Identity?.AuthenticationType == scheme) await context.SignOutAsync(scheme);
        // A handler of its own, which has read no session from this request.
        var handler = await new AuthenticationHandlerProvider(context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>()).GetHandlerAsync(context, scheme);
        await ((IAuthenticationSignInHandler)handler!).SignInAsync(account.Principal(scheme), new AuthenticationProperties());
    }

    /// <summary>
    /// Every cookie request: the session must still speak for the account as it is now (same security stamp); otherwise it
    /// is refused and ended, so a reset, a role change or a password change ends sessions at once.
    /// </summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<Accounts>();
        if (context.Principal is { } principal && await accounts.FindAsync(Actors.Of(principal), context.HttpContext.RequestAborted) is { } account
            && account.IsCurrent(principal))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
