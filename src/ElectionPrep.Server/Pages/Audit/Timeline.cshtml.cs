using ElectionPrep.Http;
using ElectionPrep.Audit;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Audit;

/// <summary>
/// Nhật ký kiểm tra: a stream's history (process, conference, list or candidacy) filtered by actor, kind and period,
/// each event with who, when, in which role and on what legal basis, its proof link and whether it verifies against
/// the signed log; for a process, its state as of a chosen moment and what changed between two moments.
/// </summary>
[ReadsDossiers]
public sealed class TimelineModel(IQuerySession session, AuditKeys keys, SeedCatalog seeds, WorkflowCatalog workflows) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? To { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? AsOf { get; set; }

    public string StreamId { get; private set; } = "";

    /// <summary>The process this stream belongs to: itself, or the process of a conference, list or candidacy.</summary>
    public ConsultationProcess? Process { get; private set; }

    /// <summary>The process's consultation rounds, from its workflow definition.</summary>
    public IReadOnlyList<int> Rounds { get; private set; } = [];

    /// <summary>Whether the stream is the process itself, whose state can be shown as of a moment.</summary>
    public bool IsProcess => Process?.Id == StreamId;

    public IReadOnlyList<AuditTrailEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> Actors { get; private set; } = [];

    public IReadOnlyList<string> Kinds { get; private set; } = [];

    public IReadOnlyDictionary<long, ProofStatus> Proofs { get; private set; } = new Dictionary<long, ProofStatus>();

    public ConsultationProcessDetails? AsOfDetails { get; private set; }

    public ProcessDiff? Diff { get; private set; }

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(string streamId, CancellationToken cancellation)
    {
        StreamId = streamId;
        Zone = seeds.TimeZoneOf(seeds.LatestTerm);
        var all = await AuditTrail.Events(streamId, null, null, null, null, null, session, cancellation);
        if (all.Count == 0) return NotFound();

        Actors = [.. all.Select(entry => entry.UserName).OfType<string>().Distinct().Order(Ui.Collation)];
        Kinds = [.. all.Select(entry => entry.Type).Distinct().Order(StringComparer.Ordinal)];
        Entries = await AuditTrail.Events(streamId, Empty(Actor), null, Empty(Kind), Moment(From), Moment(To), session, cancellation);
        Proofs = await ProofStatuses.ForAsync(Entries, session, keys, cancellation);

        Process = await session.LoadAsync<ConsultationProcess>(await ProcessOf.StreamAsync(session, streamId, cancellation), cancellation);
        Rounds = Process is null ? [] : [.. workflows.DefinitionOf(Process).Steps.Select(step => step.Round).OfType<int>().Order()];
        if (IsProcess && Moment(AsOf) is { } asOf)
        {
            AsOfDetails = await AuditTrail.DetailsAsOfAsync(session, streamId, asOf, seeds, workflows, cancellation);
        }

        if (IsProcess && Moment(From) is { } from && Moment(To) is { } to)
        {
            Diff = await AuditTrail.DiffAsync(streamId, from, to, session, seeds, workflows, cancellation);
        }

        return Page();
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>A moment picked on the page is Vietnam time.</summary>
    private DateTimeOffset? Moment(DateTime? local) =>
        local is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), Zone.GetUtcOffset(value)) : null;

    public static string Local(DateTime? value) => value?.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static string StateText(ProofState state) => state switch
    {
        ProofState.Verified => Ui.T("Đã xác minh", "Verified"),
        ProofState.Pending => Ui.T("Chờ điểm kiểm tiếp theo", "Awaiting the next checkpoint"),
        _ => Ui.T("KHÔNG KHỚP", "DOES NOT VERIFY"),
    };
}
