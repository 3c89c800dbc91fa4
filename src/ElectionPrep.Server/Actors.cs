using System.Security.Claims;

namespace ElectionPrep;

/// <summary>Who is acting: the signed-in user's name, recorded in every event they cause.</summary>
public static class Actors
{
    /// <summary>Recorded for requests without a signed-in user, until sign-in (issue 7) makes every endpoint authorised.</summary>
    public const string Anonymous = "anonymous";

    public static string Of(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : Anonymous;
}
