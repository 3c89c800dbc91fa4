using System.Security.Claims;
using Marten;

namespace ElectionPrep.Http;

/// <summary>
/// Puts the acting user's roles into the headers of every event a request appends, beside the user name Marten
/// records, so the audit trail shows in which capacity each change was made.
/// </summary>
public static class ActorHeaders
{
    public const string Roles = "actor-roles";

    public static void Before(ClaimsPrincipal user, IDocumentSession session)
    {
        var roles = Actors.RolesOf(user);
        if (roles.Count > 0) session.SetHeader(Roles, string.Join(",", roles));
    }
}
