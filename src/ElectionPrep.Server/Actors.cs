using System.Security.Claims;
using ElectionPrep.Workflows;

namespace ElectionPrep;

/// <summary>Who is acting, and in which role: taken from the signed-in user and recorded in every event they cause.</summary>
public static class Actors
{
    /// <summary>Recorded where no user is signed in (the public endpoints).</summary>
    public const string Anonymous = "anonymous";

    public static string Of(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : Anonymous;

    /// <summary>The actor as the domain's mandate rules see them: roles, and the "body" and "jurisdiction" claims.</summary>
    public static Actor ActorOf(ClaimsPrincipal user) =>
        new(Of(user), RolesOf(user), Enum.TryParse<Body>(user.FindFirst(BodyClaim)?.Value, out var body) ? body : null,
            user.FindFirst(JurisdictionClaim)?.Value is { Length: > 0 } jurisdiction ? jurisdiction : null);

    public const string BodyClaim = "body";
    public const string JurisdictionClaim = "jurisdiction";

    /// <summary>The full name and title the person signs official forms with, beside the account name that identifies them.</summary>
    public const string FullNameClaim = "full_name";
    public const string TitleClaim = "title";

    public static IReadOnlyList<ActorRole> RolesOf(ClaimsPrincipal user) =>
        Enum.GetValues<ActorRole>().Where(role => user.IsInRole(role.ToString())).ToList();

    /// <summary>
    /// The role the user acts in: the first of <paramref name="wanted"/> they hold, or else their first role, so a
    /// refusal can name the role that was not enough. A user with no role acts as an observer.
    /// </summary>
    public static ActorRole RoleFor(ClaimsPrincipal user, IEnumerable<ActorRole> wanted)
    {
        var held = RolesOf(user);
        return wanted.Where(held.Contains).Cast<ActorRole?>().FirstOrDefault() ?? held.Cast<ActorRole?>().FirstOrDefault() ?? ActorRole.Observer;
    }
}
