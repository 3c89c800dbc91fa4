using System.Text;
using ElectionPrep.Workflows;
using Microsoft.AspNetCore.Authorization;

namespace ElectionPrep.Http;

/// <summary>A person trying an operation: a role, in the process's unit or another one, for the body the operation needs or another.</summary>
public sealed record AccessPrincipal(string Column, ActorRole? Role, bool InJurisdiction = true, bool OtherBody = false);

/// <summary>One operation with the rule it declares and the answer each principal should get: "ok", "401" or "403".</summary>
public sealed record AccessRow(string Method, string Route, string Rule, Body? Body, IReadOnlyList<string> Answers);

/// <summary>
/// Ma trận quyền: every operation and page against every kind of person, as the access rules declare it, for a commune
/// council process of ward <see cref="Ward"/> whose official list is not yet published; "out" is ward <see cref="OtherWard"/>.
/// The tests try each cell over HTTP and compare; `access-matrix` prints it into docs/security.md.
/// </summary>
public static class AccessMatrix
{
    public const string Ward = "01834";
    public const string OtherWard = "01837";

    /// <summary>The step a {stepId} route names in the matrix: the council standing body's adjustment of the structure.</summary>
    public const string RoutedStep = "structure-adjusted";

    /// <summary>The body that is never the one an operation needs (it acts only on the election committee's formation).</summary>
    public const Body OtherBody = Body.PeoplesCommittee;

    public static readonly IReadOnlyList<AccessPrincipal> Principals =
    [
        new("anonymous", null),
        new("observer", ActorRole.Observer),
        new("administrator", ActorRole.Administrator),
        new("chair", ActorRole.CommitteeChair),
        new("chair, other ward", ActorRole.CommitteeChair, InJurisdiction: false),
        new("member", ActorRole.CommitteeMember),
        new("member, other ward", ActorRole.CommitteeMember, InJurisdiction: false),
        new("clerk", ActorRole.Clerk),
        new("clerk, other ward", ActorRole.Clerk, InJurisdiction: false),
        new("clerk, other body", ActorRole.Clerk, OtherBody: true),
    ];

    /// <summary>The rows of every mapped operation, by route and method.</summary>
    public static IReadOnlyList<AccessRow> Rows(IEnumerable<EndpointDataSource> sources, WorkflowDefinition commune) =>
        AccessDeclarations.Endpoints(sources).Select(endpoint =>
        {
            var access = endpoint.Metadata.GetMetadata<AccessAttribute>();
            var open = access is null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var body = access is null ? null : BodyOf(access, endpoint.Route, commune);
            var answers = Principals.Select(principal => open ? "ok" : Expected(access, body, principal, commune, endpoint.Route)).ToList();
            return new AccessRow(endpoint.Method, endpoint.Route, open ? "anyone" : access?.Rule ?? "(none)", body, answers);
        }).ToList();

    /// <summary>
    /// The body the in-ward principals act for where the rule names one: the acting body of the operation's step, or the
    /// Front committee for opening and protected data. Reads name none (the principals are then of the Front).
    /// </summary>
    public static Body? BodyOf(AccessAttribute access, string route, WorkflowDefinition commune) => access switch
    {
        ActsOnAttribute acts => StepOf(acts, route, commune).ActingBody,
        OpensProcessesAttribute or ReadsProtectedDataAttribute => Body.FrontStandingBoard,
        _ => null,
    };

    private static string Expected(AccessAttribute? access, Body? body, AccessPrincipal principal, WorkflowDefinition commune, string route)
    {
        if (principal.Role is not { } role) return "401";
        bool Preparer() => principal is { InJurisdiction: true, OtherBody: false } && role is not (ActorRole.Observer or ActorRole.Administrator);
        var national = role is ActorRole.Observer or ActorRole.Administrator;
        var allowed = access switch
        {
            SignedInAttribute => true,
            AdministersAttribute => role == ActorRole.Administrator,
            ReadsNationallyAttribute => national,
            ReadsDossiersAttribute => national || principal.InJurisdiction,
            ReadsProtectedDataAttribute => Preparer(),
            ActsOnAttribute acts => Preparer() && StepOf(acts, route, commune).Roles.Contains(role),
            OpensProcessesAttribute => Preparer() && commune.StepOfKind(StepKind.ConferenceRound)!.Roles.Contains(role),
            _ => false,
        };
        return allowed ? "ok" : "403";
    }

    private static WorkflowStep StepOf(ActsOnAttribute acts, string route, WorkflowDefinition commune) =>
        acts.Step is { } kind ? commune.StepOfKind(kind)! : route.Contains("{stepId}", StringComparison.Ordinal) ? commune.FindStep(RoutedStep)! : commune.ConferenceStep(1)!;

    /// <summary>The matrix as a markdown table, one row per operation.</summary>
    public static string Markdown(IReadOnlyList<AccessRow> rows)
    {
        var table = new StringBuilder();
        table.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"| operation | rule | body | {string.Join(" | ", Principals.Select(principal => principal.Column))} |");
        table.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"|---|---|---|{string.Concat(Principals.Select(_ => "---|"))}");
        foreach (var row in rows)
        {
            table.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"| `{row.Method} {row.Route}` | {row.Rule} | {row.Body?.ToString() ?? "—"} | {string.Join(" | ", row.Answers)} |");
        }

        return table.ToString();
    }
}
