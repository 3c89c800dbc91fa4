using ElectionPrep.Http;
using ElectionPrep.Audit;
using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Audit;

/// <summary>
/// Nhật ký kiểm tra: a stream's history (process, conference, list or candidacy) filtered by actor, kind and period,
/// each event with when its decision was taken (and, below, when it was recorded), who acted in which role, what it
/// says in words, on what legal basis, and whether it verifies against the signed log; for a process, its state as
/// recorded at a chosen moment and what changed between two moments.
/// </summary>
[ReadsDossiers]
public sealed class TimelineModel(IQuerySession session, AuditKeys keys, SeedCatalog seeds, WorkflowCatalog workflows) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    /// <summary>The moments as typed: dd/MM/yyyy HH:mm in Vietnam time, or a time with its offset, e.g. 2021-03-09T08:00+07:00.</summary>
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }

    /// <summary>
    /// Which page of the history is shown, from 1: a list's stream holds thousands of filings and placements. Not "page",
    /// which Razor Pages keeps for the page's own path.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int PageNumber { get; set; } = 1;

    /// <summary>How many events a page shows, each with its proof checked: 100 unless asked, between 10 and 500.</summary>
    [BindProperty(SupportsGet = true, Name = "size")] public int PageSize { get; set; } = DefaultPageSize;

    private const int DefaultPageSize = 100;

    /// <summary>How many events match the filters, on every page.</summary>
    public long Total { get; private set; }

    public int PageCount => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string StreamId { get; private set; } = "";

    /// <summary>Nothing was ever recorded under this address.</summary>
    public bool Missing { get; private set; }

    /// <summary>What the stream is, as a person names it: "Hội nghị hiệp thương lần 1 · HĐND cấp xã · Phường …".</summary>
    public string Subject { get; private set; } = "";

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

    /// <summary>Each moment that could not be read, by its field, in the page's language.</summary>
    public IReadOnlyDictionary<string, string> Unreadable { get; private set; } = new Dictionary<string, string>();

    /// <summary>The moment fields the form shows: the period, and for a process the state as of a moment.</summary>
    public IEnumerable<(string Field, string? Typed, DateTimeOffset? Moment)> Moments =>
        IsProcess ? [("from", From, FromMoment), ("to", To, ToMoment), ("asOf", AsOf, AsOfMoment)] : [("from", From, FromMoment), ("to", To, ToMoment)];

    public DateTimeOffset? FromMoment { get; private set; }
    public DateTimeOffset? ToMoment { get; private set; }
    public DateTimeOffset? AsOfMoment { get; private set; }

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public EventSummary Summary { get; private set; } = null!;

    private WorkflowDefinition? definition;

    public async Task<IActionResult> OnGetAsync(string streamId, CancellationToken cancellation)
    {
        StreamId = streamId;
        Zone = seeds.TimeZoneOf(seeds.LatestTerm);
        (Actors, Kinds) = await AuditTrail.FiltersAsync(session, streamId, cancellation);
        if (Kinds.Count == 0)
        {
            // Said in a sentence on the page: a bare 404 would show the person a status code.
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var unreadable = new Dictionary<string, string>();
        FromMoment = Picked("from", From, unreadable);
        ToMoment = Picked("to", To, unreadable);
        AsOfMoment = Picked("asOf", AsOf, unreadable);
        Unreadable = unreadable;

        Actors = [.. Actors.Order(Ui.Collation)];
        Kinds = [.. Kinds.Order(StringComparer.Ordinal)];
        PageSize = Math.Clamp(PageSize, 10, 500);
        // A typed page number past the end (or big enough to overflow the offset) shows the last page.
        PageNumber = Math.Clamp(PageNumber, 1, int.MaxValue / PageSize);
        (Entries, Total) = await AuditTrail.PageAsync(session, streamId, Empty(Actor), Empty(Kind), FromMoment, ToMoment, PageNumber, PageSize, cancellation);
        if (PageNumber > PageCount)
        {
            PageNumber = PageCount;
            (Entries, Total) = await AuditTrail.PageAsync(session, streamId, Empty(Actor), Empty(Kind), FromMoment, ToMoment, PageNumber, PageSize, cancellation);
        }
        Proofs = await ProofStatuses.ForAsync(Entries, session, keys, cancellation);

        Process = await session.LoadAsync<ConsultationProcess>(await ProcessOf.StreamAsync(session, streamId, cancellation), cancellation);
        definition = Process is null ? null : workflows.DefinitionOf(Process);
        Rounds = definition is null ? [] : [.. definition.Steps.Select(step => step.Round).OfType<int>().Order()];
        Summary = new EventSummary(Zone, stepId => definition?.FindStep(stepId)?.Title, code => seeds.Units.Find(code)?.Name);
        Subject = await SubjectAsync(cancellation);
        if (IsProcess && AsOfMoment is { } asOf)
        {
            AsOfDetails = await AuditTrail.DetailsAsOfAsync(session, streamId, asOf, seeds, workflows, cancellation);
        }

        if (IsProcess && FromMoment is { } from && ToMoment is { } to)
        {
            Diff = await AuditTrail.DiffAsync(streamId, from, to, session, seeds, workflows, cancellation);
        }

        return Page();
    }

    private async Task<string> SubjectAsync(CancellationToken cancellation)
    {
        if (Process is null) return Ui.T("Hồ sơ", "Record");
        var part = StreamId == Process.Id ? Ui.T("Quy trình hiệp thương", "Consultation process")
            : StreamId == CandidateList.IdFor(Process.Id) ? Ui.T("Danh sách người ứng cử", "Candidate list")
            : ConsultationConference.TryParseId(StreamId, out _, out var round) ? Ui.T($"Hội nghị hiệp thương lần {round}", $"Consultation round {round}")
            : await session.LoadAsync<Candidacy>(StreamId, cancellation) is { } candidacy ? Ui.T($"Hồ sơ ứng cử của {candidacy.Dossier.FullName}", $"Candidacy of {candidacy.Dossier.FullName}")
            : Ui.T("Hồ sơ", "Record");
        return $"{part} · {Names.Of(Process.Council)} · {seeds.Units.Find(Process.JurisdictionCode)?.Name}";
    }

    /// <summary>The address of another page of the history, the filters kept.</summary>
    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?> { ["actor"] = Actor, ["kind"] = Kind, ["from"] = From, ["to"] = To, ["asOf"] = AsOf,
                ["size"] = PageSize == DefaultPageSize ? null : PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), ["pageNumber"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Where(pair => !string.IsNullOrEmpty(pair.Value))).ToUriComponent();

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private DateTimeOffset? Picked(string field, string? value, Dictionary<string, string> unreadable)
    {
        if (Http.Moments.TryParsePicked(value, Zone, out var moment)) return moment;
        unreadable[field] = Ui.T(Http.Moments.NotATypedMoment);
        return null;
    }

    /// <summary>A moment as its field shows it, dd/MM/yyyy HH:mm in the term's time; what was typed when it could not be read.</summary>
    public string Field(DateTimeOffset? moment, string? typed) =>
        moment is { } value ? TimeZoneInfo.ConvertTime(value, Zone).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) : typed ?? "";

    public static string FieldName(string field) => field switch
    {
        "from" => Ui.T("Ghi nhận từ", "Recorded from"),
        "to" => Ui.T("Đến", "To"),
        _ => Ui.T("Trạng thái tại thời điểm", "State as of"),
    };

    /// <summary>Who acted: the account, or the system for what timers and the server did on their own.</summary>
    public static string Who(AuditTrailEntry entry) => entry.UserName ?? Ui.T(SystemActor);

    public static readonly BilingualText SystemActor = new("Hệ thống", "System");

    /// <summary>The actor's roles and body as the page names them.</summary>
    public static string Capacity(AuditTrailEntry entry) =>
        string.Join(", ", ((entry.Roles ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append(entry.Body ?? ""))
            .Where(name => name.Length > 0)
            .Select(name => Names.OfStored(name) ?? name));

    public string StepTitle(string stepId) => definition?.FindStep(stepId) is { } step ? Ui.T(step.Title) : stepId;

    public static string StatusText(string status) => status switch
    {
        nameof(StepStatus.Completed) => Ui.T("Đã xong", "Completed"),
        nameof(StepStatus.Active) => Ui.T("Đang mở", "Open"),
        _ => Ui.T("Chờ", "Waiting"),
    };

    public static string StateText(ProofState state) => state switch
    {
        ProofState.Verified => Ui.T("Đã xác minh", "Verified"),
        ProofState.Pending => Ui.T("Chờ điểm kiểm tiếp theo", "Awaiting the next checkpoint"),
        _ => Ui.T("KHÔNG KHỚP", "DOES NOT VERIFY"),
    };
}
