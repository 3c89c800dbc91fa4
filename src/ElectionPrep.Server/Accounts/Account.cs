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
public sealed record Account(string Id, string PasswordHash, IReadOnlyList<ActorRole> Roles, string? Body, string? Jurisdiction, DateTimeOffset CreatedAt)
{
    public const string Administrator = "admin";

    /// <summary>The claims a signed-in account carries: the same names bearer tokens use.</summary>
    public ClaimsPrincipal Principal(string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, Id) };
        claims.AddRange(Roles.Select(role => new Claim(ClaimTypes.Role, role.ToString())));
        if (Body is not null) claims.Add(new Claim("body", Body));
        if (Jurisdiction is not null) claims.Add(new Claim("jurisdiction", Jurisdiction));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}

/// <summary>Tạo tài khoản: recorded in the account's stream (never the password or its hash).</summary>
public sealed record AccountCreated(string Name, IReadOnlyList<ActorRole> Roles, string? Body, string? Jurisdiction, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>Đặt lại mật khẩu: who reset it and when.</summary>
public sealed record AccountPasswordReset(string Name, string ResetBy, DateTimeOffset ResetAt);

/// <summary>Creates accounts and checks passwords with ASP.NET Core's password hasher (PBKDF2).</summary>
public sealed class Accounts(IDocumentStore store, TimeProvider clock)
{
    private readonly PasswordHasher<Account> hasher = new();

    public async Task<Account?> SignInAsync(string name, string password, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var account = await session.LoadAsync<Account>(name, cancellation);
        return account is not null && hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed ? account : null;
    }

    /// <summary>
    /// Creates the account and records who created it, with which roles and scope, in the account's own stream, so the
    /// audit log shows who gave whom which rights. <paramref name="createdBy"/> is the administrator, or "system" at first run.
    /// </summary>
    public async Task<Account?> CreateAsync(string name, string password, IReadOnlyList<ActorRole> roles, string? body, string? jurisdiction, CancellationToken cancellation,
        string createdBy = System)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = createdBy;
        var account = await CreateAsync(session, name, password, roles, body, jurisdiction, createdBy, cancellation);
        if (account is not null) await session.SaveChangesAsync(cancellation);
        return account;
    }

    /// <summary>Stages the account and its creation in <paramref name="session"/>, which the caller commits; null when the name is taken.</summary>
    public async Task<Account?> CreateAsync(IDocumentSession session, string name, string password, IReadOnlyList<ActorRole> roles, string? body, string? jurisdiction,
        string createdBy, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Account>(name, cancellation) is not null) return null;
        var account = new Account(name, "", roles, body, jurisdiction, clock.GetUtcNow());
        account = account with { PasswordHash = hasher.HashPassword(account, password) };
        session.Insert(account);
        session.Events.StartStream<Account>(StreamFor(name), new AccountCreated(name, roles, body, jurisdiction, createdBy, account.CreatedAt));
        return account;
    }

    /// <summary>Stages a new password chosen by an administrator in <paramref name="session"/>, which the caller commits; false when there is no such account.</summary>
    public async Task<bool> ResetPasswordAsync(IDocumentSession session, string name, string password, string resetBy, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Account>(name, cancellation) is not { } account) return false;
        session.Update(account with { PasswordHash = hasher.HashPassword(account, password) });
        session.Events.Append(StreamFor(name), new AccountPasswordReset(name, resetBy, clock.GetUtcNow()));
        return true;
    }

    public const string System = "system";

    public static string StreamFor(string name) => $"account-{name}";

    /// <summary>On first run, with no account at all, an administrator with a one-time password to print once; otherwise null.</summary>
    public async Task<string?> EnsureAdministratorAsync(CancellationToken cancellation)
    {
        await using (var session = store.QuerySession())
        {
            if (await session.Query<Account>().AnyAsync(cancellation)) return null;
        }

        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y');
        await CreateAsync(Account.Administrator, password, [ActorRole.Administrator], null, null, cancellation);
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
