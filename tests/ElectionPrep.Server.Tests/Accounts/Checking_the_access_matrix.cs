using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.Accounts;

/// <summary>
/// Every operation of the API and every page, tried by every kind of person (docs/security.md prints the same table): each
/// answers as the access rules declare, a refusal records nothing, and nothing an observer or the public may read holds a
/// candidate's protected data.
/// </summary>
public class Checking_the_access_matrix(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";
    private const string CitizenId = "001185000001";

    /// <summary>The protected values of the filed dossier (ProcessDriver.Dossier), none of which may reach an observer.</summary>
    private static readonly string[] ProtectedValues = [CitizenId, "Tổ 5, phường Nguyễn Thị Minh Khai", "0912345678"];

    /// <summary>POSTs that change nothing of an election: trying a list, signing in and out, getting a token, choosing one's own password.</summary>
    private static readonly HashSet<string> HarmlessPosts = [Routes.QuotaWhatIf, Routes.ListEvaluation, Routes.Tokens, Routes.OwnPassword, Routes.SignIn, Routes.SignOut];

    private const string AccessDeniedPage = Routes.AccessDenied;

    private ProcessDriver Driver => new(Host);

    private WorkflowDefinition Commune => Host.Services.GetRequiredService<WorkflowCatalog>().LatestFor(CouncilKind.CommuneCouncil);

    private IReadOnlyList<AccessRow> Rows => AccessMatrix.Rows(Host.Services.GetServices<EndpointDataSource>(), Commune);

    /// <summary>A process through round 1 with one dossier filed (its list not published), and a complaint on it.</summary>
    private async Task<string> ArrangeAsync()
    {
        await Driver.OpenForDossiers("commune-council", AccessMatrix.Ward);
        var candidacy = await Driver.File(Process, "Trần Thị Ánh", CitizenId, "Hội Liên hiệp Phụ nữ");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        return candidacy;
    }

    private static string Url(string route, string candidacy) =>
        System.Text.RegularExpressions.Regex.Replace(route, "{([^}]+)}", match => match.Groups[1].Value.TrimEnd('?') switch
        {
            "id" when route.Contains("conferences/", StringComparison.Ordinal) => $"{Process}.round-1",
            "id" when route.Contains("candidacies/", StringComparison.Ordinal) => candidacy,
            "id" => Process,
            "streamId" => candidacy,
            "stepId" => AccessMatrix.RoutedStep,
            "motionId" => "ket-qua",
            "complaintId" => "k1",
            "sequence" => "1",
            "jurisdictionCode" => "06",
            "name" => "giam.sat",
            _ => "x",
        });

    private static string? Token(AccessPrincipal principal, Body? body) => principal.Role switch
    {
        null => null,
        ActorRole.Observer or ActorRole.Administrator => TestUsers.Token(principal.Column.Replace(' ', '.'), principal.Role.Value),
        { } role => TestUsers.Of(principal.OtherBody ? AccessMatrix.OtherBody : body ?? Body.FrontStandingBoard, role,
            principal.InJurisdiction ? AccessMatrix.Ward : AccessMatrix.OtherWard),
    };

    /// <summary>What the person got: "401" (or sent to sign in), "403" (or sent to the access-denied page), otherwise "ok".</summary>
    private async Task<(string Answer, IScenarioResult Result)> TryAsync(AccessRow row, AccessPrincipal principal, string candidacy)
    {
        var url = Url(row.Route, candidacy);
        // Tracked: what an allowed action cascades (the next steps opening) is done before the next cell counts events.
        var result = await Driver.Tracked(s =>
        {
            // Opening names its unit in the body; every other POST is refused or validated before its body matters.
            object body = row.Route == Routes.ConsultationProcesses
                ? new { termId = "2021-2026", council = "commune-council", jurisdictionCode = AccessMatrix.Ward }
                : new { };
            if (row.Method == "POST") s.Post.Json(body).ToUrl(url);
            else s.Get.Url(url);
            if (Token(principal, row.Body) is { } token) s.WithBearerToken(token);
            s.IgnoreStatusCode();
        });
        var response = result.Context.Response;
        var redirect = response.StatusCode == StatusCodes.Status302Found ? response.Headers.Location.ToString() : "";
        var answer = response.StatusCode switch
        {
            // The access-denied page says so with its status; reaching it is what "ok" means for it.
            StatusCodes.Status403Forbidden when row.Route == AccessDeniedPage && (await result.ReadAsTextAsync()).Contains("id=\"access-denied\"", StringComparison.Ordinal) => "ok",
            StatusCodes.Status401Unauthorized => "401",
            StatusCodes.Status403Forbidden => "403",
            _ when redirect.Contains(Routes.SignIn, StringComparison.Ordinal) => "401",
            _ when redirect.Contains(Routes.AccessDenied, StringComparison.Ordinal) => "403",
            _ => "ok",
        };
        return (answer, result);
    }

    private async Task<long> EventCountAsync()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    [Fact]
    public async Task Every_operation_answers_each_kind_of_person_as_the_matrix_declares_recording_nothing_when_refused()
    {
        var candidacy = await ArrangeAsync();
        var wrong = new List<string>();
        var checkedCells = 0;

        foreach (var row in Rows.Where(row => !row.Route.Contains("{**", StringComparison.Ordinal)))
        {
            foreach (var (principal, expected) in AccessMatrix.Principals.Zip(row.Answers))
            {
                var before = await EventCountAsync();
                var (answer, _) = await TryAsync(row, principal, candidacy);
                checkedCells++;
                if (answer != expected) wrong.Add($"{row.Method} {row.Route} as {principal.Column}: expected {expected}, got {answer}");
                else if (answer != "ok" && await EventCountAsync() != before) wrong.Add($"{row.Method} {row.Route} as {principal.Column}: refused but recorded events");
            }
        }

        Reliability.Record("access-matrix", new { operations = Rows.Count, principals = AccessMatrix.Principals.Count, cells = checkedCells, wrong = wrong.Count });
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Neither_observers_nor_the_public_may_change_anything()
    {
        var observer = AccessMatrix.Principals.ToList().FindIndex(principal => principal.Role == ActorRole.Observer);
        var anonymous = AccessMatrix.Principals.ToList().FindIndex(principal => principal.Role is null);

        var open = Rows.Where(row => row.Method == "POST" && !HarmlessPosts.Contains(row.Route))
            .Where(row => row.Answers[observer] == "ok" || row.Answers[anonymous] == "ok")
            .Select(row => row.Route)
            .ToList();

        Assert.Empty(open);
    }

    [Fact]
    public async Task Nothing_an_observer_or_the_public_may_read_holds_protected_data()
    {
        var candidacy = await ArrangeAsync();
        var readers = AccessMatrix.Principals.Where(principal => principal.Role is null or ActorRole.Observer).ToList();
        var leaks = new List<string>();

        foreach (var row in Rows.Where(row => row.Method == "GET" && !row.Route.Contains("{**", StringComparison.Ordinal)))
        {
            foreach (var principal in readers)
            {
                var (answer, result) = await TryAsync(row, principal, candidacy);
                if (answer != "ok") continue;
                var text = await result.ReadAsTextAsync();
                leaks.AddRange(ProtectedValues.Where(value => text.Contains(value, StringComparison.Ordinal)).Select(value => $"{row.Route} as {principal.Column} shows '{value}'"));
            }
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    public async Task Every_operation_of_the_api_description_is_in_the_matrix()
    {
        var document = await Host.Read<JsonElement>(Routes.OpenApiDocument);
        var described = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"));
        var matrix = Rows.Select(row => $"{row.Method} {row.Route}").ToHashSet();

        Assert.DoesNotContain(described, operation => !matrix.Contains(operation));
    }

    [Fact]
    public async Task The_matrix_in_the_security_document_is_the_one_the_server_declares()
    {
        var document = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "docs", "security.md"));

        Assert.Contains(AccessMatrix.Markdown(Rows), document.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
