using ElectionPrep.Http;
using ElectionPrep.Workflows;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.Accounts;

/// <summary>An account as administrators see it: never its password hash.</summary>
public sealed record AccountView(string Name, IReadOnlyList<ActorRole> Roles, string? Body, string? Jurisdiction, DateTimeOffset CreatedAt, Signatory? Signatory = null)
{
    public static AccountView Of(Account account) => new(account.Id, account.Roles, account.Body, account.Jurisdiction, account.CreatedAt, account.Signatory);
}

/// <summary>Quản lý tài khoản: the accounts administrators manage, by name.</summary>
public static class AccountListEndpoint
{
    [WolverineGet(Routes.Accounts)]
    [Administers]
    public static async Task<IReadOnlyList<AccountView>> List(IQuerySession session, CancellationToken cancellation) =>
        [.. (await session.Query<Account>().ToListAsync(cancellation)).OrderBy(account => account.Id, StringComparer.Ordinal).Select(AccountView.Of)];
}
