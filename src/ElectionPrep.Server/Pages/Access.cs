using System.Security.Claims;
using ElectionPrep.Candidates;

namespace ElectionPrep.Pages;

/// <summary>What a page offers the signed-in person; the API enforces the same rules whatever a page shows.</summary>
public static class Access
{
    /// <summary>Those who prepare the lists (and may read protected data): not observers.</summary>
    public static bool PreparesLists(ClaimsPrincipal user) => CandidacyEndpoints.ProtectedDataReaders.Split(',').Any(user.IsInRole);
}
