using System.Security.Claims;
using System.Security.Cryptography;
using ElectionPrep.Workflows;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace ElectionPrep.Accounts;

/// <summary>
/// Tài khoản: a local account, its password hashed by ASP.NET Core's hasher, its roles and the body and jurisdiction
/// it acts for (a commune clerk acts for that commune's processes).
/// </summary>
/// <param name="SecurityStamp">
/// Random, replaced whenever the password or what the account may do changes: sessions and tokens carry it, and one that
/// carries an older stamp is refused on its next request.
/// </param>
/// <param name="PasswordChangeRequired">The first administrator's one-time password: the account may do nothing but choose a new one.</param>
/// <param name="OneTimePasswordUsed">The one-time password has signed in once and signs in no more.</param>
/// <param name="Signatory">The person who holds the account, as they sign official forms; none for technical accounts.</param>
public sealed record Account(string Id, string PasswordHash, IReadOnlyList<ActorRole> Roles, string? Body, string? Jurisdiction, DateTimeOffset CreatedAt,
    string SecurityStamp = "", bool PasswordChangeRequired = false, bool OneTimePasswordUsed = false, Signatory? Signatory = null)
{
    public const string Administrator = "admin";

    public const string StampClaim = "security_stamp";

    public const string PasswordChangeClaim = "password_change_required";

    /// <summary>The claims a signed-in account carries: the same names bearer tokens use.</summary>
    public ClaimsPrincipal Principal(string scheme) => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, Id), .. Claims(ClaimTypes.Role)], scheme));

    /// <summary>Roles, body, jurisdiction, the stamp and whether the password must be changed; a cookie and a token name roles differently.</summary>
    public IEnumerable<Claim> Claims(string roleClaim)
    {
        foreach (var role in Roles) yield return new Claim(roleClaim, role.ToString());
        if (Body is not null) yield return new Claim(Actors.BodyClaim, Body);
        if (Jurisdiction is not null) yield return new Claim(Actors.JurisdictionClaim, Jurisdiction);
        if (Signatory is not null)
        {
            yield return new Claim(Actors.FullNameClaim, Signatory.FullName);
            yield return new Claim(Actors.TitleClaim, Signatory.Title);
        }

        yield return new Claim(StampClaim, SecurityStamp);
        if (PasswordChangeRequired) yield return new Claim(PasswordChangeClaim, "true");
    }

    public Account WithNewStamp() => this with { SecurityStamp = NewStamp() };

    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Whether a signed-in principal still speaks for this account: its stamp is the current one. An account stored before
    /// stamps existed has an empty one until its password changes; sessions and tokens from before then carry none at all.
    /// </summary>
    public bool IsCurrent(ClaimsPrincipal principal) =>
        principal.FindFirst(StampClaim)?.Value is { } stamp
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(stamp), System.Text.Encoding.ASCII.GetBytes(SecurityStamp));
}

/// <summary>Người ký: the full name and title a person signs official forms with (họ và tên, chức vụ).</summary>
public sealed record Signatory(string FullName, string Title);

/// <summary>Tạo tài khoản: recorded in the account's stream (never the password or its hash).</summary>
public sealed record AccountCreated(string Name, IReadOnlyList<ActorRole> Roles, string? Body, string? Jurisdiction, string CreatedBy, DateTimeOffset CreatedAt,
    Signatory? Signatory = null);

/// <summary>Đặt lại mật khẩu: who reset it and when.</summary>
public sealed record AccountPasswordReset(string Name, string ResetBy, DateTimeOffset ResetAt);

/// <summary>Đổi mật khẩu: the account chose a new password itself (after a one-time password, or at will).</summary>
public sealed record AccountPasswordChanged(string Name, DateTimeOffset ChangedAt);

/// <summary>What a sign-in attempt came to.</summary>
public abstract record SignInOutcome
{
    public sealed record SignedIn(Account Account) : SignInOutcome;

    /// <summary>Wrong name or password, or a one-time password already used: the person is told no more than that.</summary>
    public sealed record Refused : SignInOutcome;

    /// <summary>Too many recent failures for this name or address; nothing was checked.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : SignInOutcome;
}

/// <summary>Creates accounts and checks passwords with ASP.NET Core's password hasher (PBKDF2).</summary>
public sealed class Accounts(IDocumentStore store, TimeProvider clock, SignInThrottle throttle)
{
    private readonly PasswordHasher<Account> hasher = new();

    /// <summary>Checks the password unless the name or address is throttled; a failure counts against both.</summary>
    public async Task<SignInOutcome> SignInAsync(string name, string password, string address, CancellationToken cancellation)
    {
        if (throttle.RetryAfter(name, address) is { } wait) return new SignInOutcome.Throttled(wait);
        if (await VerifyAsync(name, password, cancellation) is { } account) return new SignInOutcome.SignedIn(account);
        throttle.Failed(name, address);
        return new SignInOutcome.Refused();
    }

    private async Task<Account?> VerifyAsync(string name, string password, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = name;
        var account = await session.LoadAsync<Account>(name, cancellation);
        if (account is null || account is { PasswordChangeRequired: true, OneTimePasswordUsed: true } || !Verifies(account, password)) return null;
        if (!account.PasswordChangeRequired) return account;

        // The first sign-in spends the one-time password; of two at once, optimistic concurrency lets one through.
        var spent = account with { OneTimePasswordUsed = true };
        session.Update(spent);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return null;
        }

        return spent;
    }

    private bool Verifies(Account account, string password) => hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <summary>The stored account a session or token speaks for, to compare its security stamp.</summary>
    public async Task<Account?> FindAsync(string name, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Account>(name, cancellation);
    }

    /// <summary>
    /// Creates the account and records who created it, with which roles and scope, in the account's own stream, so the
    /// audit log shows who gave whom which rights. <paramref name="createdBy"/> is the administrator, or "system" at first run.
    /// </summary>
    public async Task<Account?> CreateAsync(string name, string password, IReadOnlyList<ActorRole> roles, string? body, string? jurisdiction, CancellationToken cancellation,
        string createdBy = System, bool passwordChangeRequired = false, Signatory? signatory = null)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = createdBy;
        var account = await CreateAsync(session, name, password, roles, body, jurisdiction, createdBy, cancellation, passwordChangeRequired, signatory);
        if (account is not null) await session.SaveChangesAsync(cancellation);
        return account;
    }

    /// <summary>Stages the account and its creation in <paramref name="session"/>, which the caller commits; null when the name is taken.</summary>
    public async Task<Account?> CreateAsync(IDocumentSession session, string name, string password, IReadOnlyList<ActorRole> roles, string? body, string? jurisdiction,
        string createdBy, CancellationToken cancellation, bool passwordChangeRequired = false, Signatory? signatory = null)
    {
        if (await session.LoadAsync<Account>(name, cancellation) is not null) return null;
        var account = new Account(name, "", roles, body, jurisdiction, clock.GetUtcNow(), Account.NewStamp(), passwordChangeRequired, Signatory: signatory);
        account = account with { PasswordHash = hasher.HashPassword(account, password) };
        session.Insert(account);
        session.Events.StartStream<Account>(StreamFor(name), new AccountCreated(name, roles, body, jurisdiction, createdBy, account.CreatedAt, signatory));
        return account;
    }

    /// <summary>Stages a new password chosen by an administrator in <paramref name="session"/>, which the caller commits; false when there is no such account.</summary>
    public async Task<bool> ResetPasswordAsync(IDocumentSession session, string name, string password, string resetBy, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Account>(name, cancellation) is not { } account) return false;
        session.Update(account.WithNewStamp() with { PasswordHash = hasher.HashPassword(account, password) });
        session.DeleteWhere<SignInSession>(signIn => signIn.Account == name);
        session.Events.Append(StreamFor(name), new AccountPasswordReset(name, resetBy, clock.GetUtcNow()));
        return true;
    }

    /// <summary>
    /// The account's own choice of a new password, given its current one: clears a pending change, ends every session and
    /// token it had (a new stamp) and returns the account to sign in anew; null when the current password is wrong.
    /// </summary>
    public async Task<Account?> ChangePasswordAsync(IDocumentSession session, string name, string currentPassword, string newPassword, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Account>(name, cancellation) is not { } account || !Verifies(account, currentPassword)) return null;
        var changed = account.WithNewStamp() with { PasswordHash = hasher.HashPassword(account, newPassword), PasswordChangeRequired = false, OneTimePasswordUsed = false };
        session.Update(changed);
        session.DeleteWhere<SignInSession>(signIn => signIn.Account == name);
        session.Events.Append(StreamFor(name), new AccountPasswordChanged(name, clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellation);
        return changed;
    }

    public const string System = "system";

    public static string StreamFor(string name) => $"account-{name}";

    /// <summary>
    /// On first run, with no account at all, an administrator with a one-time password to print once; otherwise null. The
    /// password signs in once, and that session can only choose a new one.
    /// </summary>
    public async Task<string?> EnsureAdministratorAsync(CancellationToken cancellation)
    {
        await using (var session = store.QuerySession())
        {
            if (await session.Query<Account>().AnyAsync(cancellation)) return null;
        }

        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');
        await CreateAsync(Account.Administrator, password, [ActorRole.Administrator], null, null, cancellation, passwordChangeRequired: true);
        return password;
    }
}

/// <summary>Creates the first administrator when the server starts on an empty database and prints its password once.</summary>
internal sealed class FirstAdministrator(Accounts accounts, ILogger<FirstAdministrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await accounts.EnsureAdministratorAsync(cancellationToken) is { } password)
        {
            // Shown once, on the console only: the hash alone is stored.
            await Console.Out.WriteLineAsync($"Tài khoản quản trị đầu tiên / first administrator: '{Account.Administrator}', mật khẩu dùng một lần / one-time password: {password}");
            logger.LogWarning("First run: administrator account '{Account}' created; its one-time password was printed on the console", Account.Administrator);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
