using ElectionPrep.Http;
using ElectionPrep.Accounts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Admin;

/// <summary>Quản lý tài khoản: the accounts, a form to create one with its roles, body and jurisdiction, and password resets.</summary>
[Administers]
public sealed class AccountsModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<AccountView> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) => Accounts = await AccountListEndpoint.List(session, cancellation);
}
