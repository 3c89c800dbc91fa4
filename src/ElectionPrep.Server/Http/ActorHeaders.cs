using System.Security.Claims;
using Marten;

namespace ElectionPrep.Http;

/// <summary>
/// Puts the acting user's roles, body, jurisdiction, full name and title (the claims of their token) into the
/// headers of every event a request appends, beside the user name Marten records, so the audit trail shows in which
/// capacity each change was made; actions on a workflow step add the step's legal basis.
/// </summary>
public static class ActorHeaders
{
    public const string Roles = "actor-roles";
    public const string Body = "actor-body";
    public const string Jurisdiction = "actor-jurisdiction";
    public const string FullName = "actor-full-name";
    public const string Title = "actor-title";
    public const string LegalBasis = "legal-basis";

    public static void Before(ClaimsPrincipal user, IDocumentSession session)
    {
        var roles = Actors.RolesOf(user);
        if (roles.Count > 0) session.SetHeader(Roles, string.Join(",", roles));
        if (user.FindFirst(Actors.BodyClaim)?.Value is { Length: > 0 } body) session.SetHeader(Body, body);
        if (user.FindFirst(Actors.JurisdictionClaim)?.Value is { Length: > 0 } jurisdiction) session.SetHeader(Jurisdiction, jurisdiction);
        // The signer's name and title as they stood when they acted: an official form prints them, not the account name.
        if (user.FindFirst(Actors.FullNameClaim)?.Value is { Length: > 0 } fullName) session.SetHeader(FullName, fullName);
        if (user.FindFirst(Actors.TitleClaim)?.Value is { Length: > 0 } title) session.SetHeader(Title, title);
    }

    /// <summary>Records the legal basis of the step acted on, e.g. "Luật 85/2015/QH13, Điều 50; NQLT 09/2021/…".</summary>
    public static void ForStep(IDocumentSession session, Workflows.WorkflowStep? step)
    {
        if (step is not null) session.SetHeader(LegalBasis, string.Join("; ", step.Basis));
    }
}
