using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.Benchmarks;

/// <summary>How long one phase of the calendar took and how many commands it sent.</summary>
public sealed record PhaseResult(string Name, DateTimeOffset At, double Seconds, long Commands);

/// <summary>
/// Runs a <see cref="NationalPlan"/> through the server's API as the country's committees would, phase by phase along the
/// term's calendar: every process is opened and taken through its steps and three rounds, its dossiers filed, its voter
/// conferences recorded, its list published. Within a phase the processes run side by side, as many at once as there are
/// clients; within a process its commands run in the order the workflow allows. Each kind of command is sent from one
/// method here; dossiers, voter conferences and placements go as one batch per process, as a clerk's submit would.
/// </summary>
public sealed class PreparationRun(
    NationalPlan plan, PipelineClient client, WorkflowCatalog workflows, RunCalendar calendar, Action<DateTimeOffset> setClock, int clients)
{
    private static readonly TimeSpan ActivationWait = TimeSpan.FromSeconds(120);

    /// <summary>The Front's six participants and the Election Committee's guest, convened to every round.</summary>
    public static readonly IReadOnlyList<Invitee> Invitees =
    [
        new("p1", "Nguyễn Văn An", "Ban Thường trực UBMTTQ", "Chủ tịch", Participation.Participant),
        new("p2", "Trần Thị Bình", "Ban Thường trực UBMTTQ", "Phó Chủ tịch", Participation.Participant),
        new("p3", "Lê Văn Cường", "Hội Nông dân", "Chủ tịch", Participation.Participant),
        new("p4", "Phạm Thị Dung", "Hội Liên hiệp Phụ nữ", "Chủ tịch", Participation.Participant),
        new("p5", "Hoàng Văn Em", "Đoàn Thanh niên", "Bí thư", Participation.Participant),
        new("p6", "Vũ Văn Phúc", "Hội Cựu chiến binh", "Chủ tịch", Participation.Participant),
        new("g1", "Đặng Văn Giang", "Ủy ban bầu cử", "Chủ tịch", Participation.Guest),
    ];

    /// <summary>Who comes: a quorum of five of the six, and the guest.</summary>
    public static readonly IReadOnlyList<string> FiveOfSixAndTheGuest = ["p1", "p2", "p3", "p4", "p5", "g1"];

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<PlannedCandidate, string>> filed = new();
    private readonly ConcurrentDictionary<string, string> broken = new();
    private readonly List<PhaseResult> phases = [];

    public IReadOnlyList<PhaseResult> Phases => phases;

    /// <summary>Processes a failure stopped, with the reason: the run goes on with the others.</summary>
    public IReadOnlyDictionary<string, string> Broken => broken;

    /// <summary>The candidacies filed, by process id.</summary>
    public int FiledCount => filed.Values.Sum(process => process.Count);

    public async Task RunAsync(CancellationToken cancellation)
    {
        await PhaseAsync("open", calendar.Opening, OpenAsync, cancellation);
        await PhaseAsync("structure projected, election committee formed", calendar.StructureProjected, (process, id, token) =>
            CompleteAsync(process, id, [StepKind.StructureProjection, StepKind.CommitteeFormation], token), cancellation);
        await PhaseAsync("round 1: structure and allocations", calendar.Round(1), (process, id, token) =>
            SitAsync(process, id, 1, new RecordDecisionsRequest("ket-qua", process.Candidates.Count, process.Allocations, null), token), cancellation);
        await PhaseAsync("structure adjusted, constituencies published", calendar.StructureAdjusted, PublishConstituenciesAsync, cancellation);
        await PhaseAsync("dossiers filed", calendar.Filing, (process, id, token) => FileAsync(process, id, [CandidateFate.Qualified, CandidateFate.Distrusted, CandidateFate.Ineligible], token), cancellation);
        await PhaseAsync("duplicate dossiers", calendar.DuplicateFiling, (process, id, token) => FileAsync(process, id, [CandidateFate.Duplicate], token), cancellation);
        await PhaseAsync("late dossiers", calendar.LateFiling, (process, id, token) => FileAsync(process, id, [CandidateFate.Late], token), cancellation);
        await PhaseAsync("nominations and dossier window closed", calendar.WindowsClosed, (process, id, token) =>
            CompleteAsync(process, id, [StepKind.NominationWindow, StepKind.DossierWindow], token), cancellation);
        await PhaseAsync("round 2: preliminary list", calendar.Round(2), (process, id, token) =>
            SitAsync(process, id, 2, ListOf(id, CandidateFate.Qualified, CandidateFate.Distrusted), token), cancellation);
        await PhaseAsync("voter conferences", calendar.VoterConferences, VoterConferencesAsync, cancellation);
        await PhaseAsync("round 3: qualified list", calendar.Round(3), (process, id, token) =>
            SitAsync(process, id, 3, ListOf(id, CandidateFate.Qualified), token), cancellation);
        await PhaseAsync("minutes sent, list assigned and published", calendar.Publication, PublishListAsync, cancellation);
        await PhaseAsync("lists posted", calendar.Posting, (process, id, token) => CompleteAsync(process, id, [StepKind.ListPosting], token), cancellation);
    }

    private async Task PhaseAsync(string name, DateTimeOffset at, Func<PlannedProcess, string, CancellationToken, Task> act, CancellationToken cancellation)
    {
        setClock(at);
        var started = Stopwatch.GetTimestamp();
        var before = client.Commands;
        var options = new ParallelOptions { MaxDegreeOfParallelism = clients, CancellationToken = cancellation };
        await Parallel.ForEachAsync(plan.Processes, options, async (process, token) =>
        {
            var id = process.Id(plan.TermId);
            if (broken.ContainsKey(id)) return;
            try
            {
                await act(process, id, token);
            }
            catch (Exception problem) when (problem is not OperationCanceledException)
            {
                broken[id] = $"{name}: {problem.Message}";
            }
        });
        lock (phases) phases.Add(new PhaseResult(name, at, Stopwatch.GetElapsedTime(started).TotalSeconds, client.Commands - before));
    }

    private WorkflowDefinition Definition(PlannedProcess process) => workflows.LatestFor(process.Council);

    /// <summary>A clerk (or the given role) of the body acting on a step of the kind, where that body serves the process.</summary>
    private string Acting(PlannedProcess process, StepKind kind, ActorRole role = ActorRole.Clerk)
    {
        var step = Definition(process).StepOfKind(kind) ?? throw new InvalidOperationException($"{process.Council} has no {kind} step.");
        return client.Tokens(step.ActingBody, role, Mandate.SeatOf(step.ActingBody, process.Jurisdiction));
    }

    private string Front(PlannedProcess process, ActorRole role) => client.Tokens(Body.FrontStandingBoard, role, process.Jurisdiction);

    private async Task OpenAsync(PlannedProcess process, string id, CancellationToken cancellation) =>
        await client.PostAsync("open-process", Routes.ConsultationProcesses,
            new OpenConsultationProcessRequest(plan.TermId, process.Council.Slug(), process.Jurisdiction), Front(process, ActorRole.CommitteeChair), cancellation: cancellation);

    /// <summary>Completes each step of the kinds the process's workflow has, in order, once it is open.</summary>
    private async Task CompleteAsync(PlannedProcess process, string id, StepKind[] kinds, CancellationToken cancellation)
    {
        foreach (var step in kinds.Select(kind => Definition(process).StepOfKind(kind)).OfType<WorkflowStep>())
        {
            await WaitUntilActiveAsync(process, id, step.Id, cancellation);
            await client.PostAsync("complete-step", Routes.For(Routes.StepCompletion, id, step.Id), new CompleteStepRequest($"QĐ/{step.Id}", null, null),
                Acting(process, step.Kind), cancellation: cancellation);
        }
    }

    /// <summary>The Front's chair convenes and puts the motion; its clerk takes attendance, records the vote and the result; the chair signs.</summary>
    private async Task SitAsync(PlannedProcess process, string id, int round, RecordDecisionsRequest decisions, CancellationToken cancellation)
    {
        await WaitUntilActiveAsync(process, id, Definition(process).ConferenceStep(round)!.Id, cancellation);
        var conference = ConsultationConference.IdFor(id, round);
        var (chair, clerk) = (Front(process, ActorRole.CommitteeChair), Front(process, ActorRole.Clerk));
        await client.PostAsync("convene-conference", Routes.For(Routes.Conferences, id),
            new ConveneConferenceRequest(round, calendar.Round(round), "Hội trường Ủy ban MTTQ", "Nguyễn Văn An", Invitees), chair, cancellation: cancellation);
        await client.PostAsync("record-attendance", Routes.For(Routes.ConferenceAttendance, conference), new RecordAttendanceRequest(FiveOfSixAndTheGuest), clerk, cancellation: cancellation);
        await client.PostAsync("put-motion", Routes.For(Routes.ConferenceMotions, conference), new PutMotionRequest(decisions.MotionId, $"Thông qua kết quả hiệp thương lần thứ {round}"), chair, cancellation: cancellation);
        await client.PostAsync("record-vote", Routes.For(Routes.ConferenceVote, conference, decisions.MotionId), new RecordVoteRequest(4, 1, 0, VotingMethod.ShowOfHands), clerk, cancellation: cancellation);
        await client.PostAsync("record-decisions", Routes.For(Routes.ConferenceDecisions, conference), decisions, clerk, cancellation: cancellation);
        await client.PostAsync("sign-minutes", Routes.For(Routes.ConferenceMinutesSignature, conference), new SignMinutesRequest($"BB-{round}/MTTQ"), chair, cancellation: cancellation);
    }

    private async Task PublishConstituenciesAsync(PlannedProcess process, string id, CancellationToken cancellation)
    {
        await CompleteAsync(process, id, [StepKind.StructureAdjustment], cancellation);
        await WaitUntilActiveAsync(process, id, Definition(process).StepIdOf(StepKind.ConstituencyPublication), cancellation);
        await client.PostAsync("publish-constituencies", Routes.For(Routes.Constituencies, id),
            new PublishConstituenciesRequest(process.Constituencies, "QĐ/don-vi-bau-cu", null), Acting(process, StepKind.ConstituencyPublication), cancellation: cancellation);
        await CompleteAsync(process, id, [StepKind.ConstituencyPublication], cancellation);
    }

    /// <summary>
    /// Files the process's dossiers of these fates as its clerk would: the rows expected to pass as one spreadsheet
    /// (in batches of the most a request takes), and each planned refusal alone, so the refusal is the rule planned.
    /// </summary>
    private async Task FileAsync(PlannedProcess process, string id, CandidateFate[] fates, CancellationToken cancellation)
    {
        var token = Acting(process, StepKind.DossierWindow);
        var ids = filed.GetOrAdd(id, _ => new ConcurrentDictionary<PlannedCandidate, string>());
        var candidates = process.Candidates.Where(candidate => fates.Contains(candidate.Fate)).ToList();
        foreach (var rows in candidates.Where(candidate => RefusalPlannedFor(candidate) is null).Chunk(BatchRules.MostItems))
        {
            var answer = await client.PostAsync("file-candidacies", Routes.For(Routes.CandidacyBatches, id),
                new FileCandidaciesRequest([.. rows.Select(candidate => candidate.Dossier)], DryRun: false), token, cancellation: cancellation);
            if (answer is not { } batch) continue;
            foreach (var (candidate, candidacy) in rows.Zip(batch.GetProperty("candidacies").EnumerateArray())) ids[candidate] = candidacy.GetProperty("id").GetString()!;
        }

        foreach (var candidate in candidates.Where(candidate => RefusalPlannedFor(candidate) is not null))
        {
            await client.PostAsync("file-candidacy", Routes.For(Routes.Candidacies, id), candidate.Dossier, token, RefusalPlannedFor(candidate), cancellation);
        }
    }

    private static string? RefusalPlannedFor(PlannedCandidate candidate) => candidate.Fate switch
    {
        CandidateFate.Late => FileCandidacy.DeadlinePassed,
        CandidateFate.Ineligible or CandidateFate.Duplicate => FileCandidacy.Ineligible,
        _ => null,
    };

    /// <summary>The round's list: the filed candidates of these fates.</summary>
    private RecordDecisionsRequest ListOf(string id, params CandidateFate[] fates) =>
        new("ket-qua", null, null, [.. filed.GetValueOrDefault(id, new()).Where(pair => fates.Contains(pair.Key.Fate))
            .Select(pair => new CandidateEntry(pair.Value, pair.Key.Dossier.FullName))]);

    /// <summary>
    /// Every candidate meets the voters where they live, a self-nominee also at work; the distrusted lose the vote. Each
    /// conference is recorded as its clerk would record it: one submit with its result for every candidate it heard about.
    /// </summary>
    private async Task VoterConferencesAsync(PlannedProcess process, string id, CancellationToken cancellation)
    {
        var step = Definition(process).StepIdOf(StepKind.VoterConferences);
        await WaitUntilActiveAsync(process, id, step, cancellation);
        var token = Acting(process, StepKind.VoterConferences);
        var candidates = filed.GetValueOrDefault(id, new()).ToList();
        foreach (var kind in new[] { VoterConferenceKind.Residence, VoterConferenceKind.Workplace })
        {
            var heard = candidates.Where(pair => kind == VoterConferenceKind.Residence || pair.Key.Dossier.Nomination is null);
            foreach (var results in heard.Chunk(BatchRules.MostItems))
            {
                await client.PostAsync("record-voter-conferences", Routes.For(Routes.VoterConferences, id),
                    new RecordVoterConferencesRequest(kind, DateOnly.FromDateTime(calendar.VoterConferences.Date), 120, 90, ["Tổ trưởng", "Thư ký"], "BB-CT",
                        [.. results.Select(pair => pair.Key.Fate == CandidateFate.Distrusted
                            ? new CandidateVotesRequest(pair.Value, 30, 60)
                            : new CandidateVotesRequest(pair.Value, 80, 10))]),
                    token, cancellation: cancellation);
            }
        }

        await CompleteAsync(process, id, [StepKind.VoterConferences], cancellation);
    }

    /// <summary>Minutes sent; the qualified candidates placed in their planned constituencies in one submit; the official list published.</summary>
    private async Task PublishListAsync(PlannedProcess process, string id, CancellationToken cancellation)
    {
        await CompleteAsync(process, id, [StepKind.MinutesTransmission], cancellation);
        var token = Acting(process, StepKind.ListPublication);
        var qualified = filed.GetValueOrDefault(id, new()).Where(pair => pair.Key.Fate == CandidateFate.Qualified);
        foreach (var placements in qualified.Chunk(BatchRules.MostItems))
        {
            await client.PostAsync("assign-constituencies", Routes.For(Routes.AssignmentBatches, id),
                new AssignConstituenciesRequest([.. placements.Select(pair => new CandidatePlacement(pair.Value, pair.Key.ConstituencyId!))], null), token,
                cancellation: cancellation);
        }

        await WaitUntilActiveAsync(process, id, Definition(process).StepIdOf(StepKind.ListPublication), cancellation);
        await client.PostAsync("publish-official-list", Routes.For(Routes.OfficialList, id), new PublishOfficialListRequest("NQ/danh-sach-chinh-thuc", null), token, cancellation: cancellation);
    }

    /// <summary>Steps open by cascaded messages, a moment after the call that made them ready: wait for them as a person would reload.</summary>
    private async Task WaitUntilActiveAsync(PlannedProcess process, string id, string stepId, CancellationToken cancellation)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(ActivationWait.TotalSeconds * Stopwatch.Frequency);
        for (var delay = 20; ; delay = Math.Min(delay * 2, 500))
        {
            var details = await client.GetAsync("read-process", Routes.ConsultationProcessFor(id), Front(process, ActorRole.Clerk), cancellation);
            if (details.GetProperty("steps").EnumerateArray().Any(step => step.GetProperty("stepId").GetString() == stepId
                && step.GetProperty("status").GetString() == nameof(StepStatus.Active))) return;
            if (Stopwatch.GetTimestamp() > deadline) throw new TimeoutException($"Step {stepId} of {id} did not open within {ActivationWait.TotalSeconds} s.");
            await Task.Delay(delay, cancellation);
        }
    }
}
