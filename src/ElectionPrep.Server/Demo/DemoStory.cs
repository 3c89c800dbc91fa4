using System.Text.Json;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.Demo;

/// <summary>
/// What the demo's people do, in the order the workflow allows: the province and the city open their processes, and the
/// wards' chairs and clerks hold round 1 and take the dossiers; one ward sits down to round 2. Every step goes through the API.
/// </summary>
public sealed class DemoStory(Uri server, DemoSeed seed, DemoClock clock, ILogger logger)
{
    private static readonly TimeSpan ActivationWait = TimeSpan.FromSeconds(60);

    /// <summary>Well inside the session cookie's lifetime: a session older than this on the demo clock signs in again.</summary>
    private static readonly TimeSpan SessionAge = TimeSpan.FromHours(4);

    private readonly Dictionary<string, (DemoSession Session, DateTimeOffset SignedInAt)> people = [];

    public async Task RunAsync(CancellationToken cancellation)
    {
        try
        {
            foreach (var ward in seed.Wards) await RunWardAsync(ward, cancellation);
            // The rest of the province is where the clock starts: opened, left at their first steps, late where the calendar says so.
            clock.Set(clock.Start);
            foreach (var opening in seed.Openings) await OpenAsync(await AsAsync(opening.By, cancellation), opening.Council, opening.Jurisdiction, cancellation);
        }
        finally
        {
            foreach (var (session, _) in people.Values) session.Dispose();
        }
    }

    private async Task RunWardAsync(DemoWard ward, CancellationToken cancellation)
    {
        Task<DemoSession> Chair() => AsAsync(ward.Chair, cancellation);
        Task<DemoSession> Clerk(Body body = Body.FrontStandingBoard) => AsAsync(ward.ClerkOf(body), cancellation);

        clock.Set(ward.OpenedAt);
        var id = await OpenAsync(await Chair(), CouncilKind.CommuneCouncil.Slug(), ward.Jurisdiction, cancellation);
        await WaitUntilActiveAsync(await Clerk(), id, ["structure-projected", "election-committee-formed"], cancellation);
        await CompleteAsync(body => Clerk(body), id, ward, "structure-projected", cancellation);
        await CompleteAsync(body => Clerk(body), id, ward, "election-committee-formed", cancellation);

        clock.Set(ward.FirstRound.ScheduledAt);
        await WaitUntilActiveAsync(await Clerk(), id, ["first-consultation"], cancellation);
        var first = await SitAsync(await Chair(), await Clerk(), id, 1, ward.Invitees, ward.FirstRound, cancellation);
        await (await Clerk()).PostAsync(Routes.For(Routes.ConferenceDecisions, first), new RecordDecisionsRequest(
            ward.FirstRound.MotionId, ward.TotalNominees, ward.Allocations, null), cancellation);
        await (await Chair()).PostAsync(Routes.For(Routes.ConferenceMinutesSignature, first), new { minutesReference = ward.FirstRound.MinutesReference }, cancellation);

        // Signed minutes complete round 1 by a cascaded message; the dossier window opens after it.
        await WaitUntilActiveAsync(await Clerk(), id, ["dossiers-filed", "structure-adjusted", "constituencies-published"], cancellation);
        await CompleteAsync(body => Clerk(body), id, ward, "structure-adjusted", cancellation);
        await (await Clerk(Body.ElectionCommittee)).PostAsync(Routes.For(Routes.Constituencies, id), new
        {
            constituencies = ward.Constituencies, decisionReference = ward.Steps["constituencies-published"].Reference,
        }, cancellation);
        await CompleteAsync(body => Clerk(body), id, ward, "constituencies-published", cancellation);
        foreach (var candidate in ward.Candidates)
        {
            clock.Set(candidate.FiledAt);
            await (await Clerk(Body.ElectionCommittee)).PostAsync(Routes.For(Routes.Candidacies, id), candidate.Request(), cancellation);
        }

        logger.LogInformation("Demo: {Count} dossiers filed in {Process}", ward.Candidates.Count, id);
        // A ward without a round 2 keeps its dossier window open for the newcomer to file in.
        if (ward.SecondRound is not { } secondRound) return;
        await WaitUntilActiveAsync(await Clerk(), id, ["nominations"], cancellation);
        await CompleteAsync(body => Clerk(body), id, ward, "nominations", cancellation);
        await CompleteAsync(body => Clerk(body), id, ward, "dossiers-filed", cancellation);

        // Round 2 is in session: convened, attendance taken, the preliminary list put to the vote; the vote is the newcomer's.
        clock.Set(secondRound.ScheduledAt);
        await WaitUntilActiveAsync(await Clerk(), id, ["second-consultation"], cancellation);
        await SitAsync(await Chair(), await Clerk(), id, 2, ward.Invitees, secondRound, cancellation);
    }

    /// <summary>The account's session, signed in again when the demo clock has moved past its cookie's lifetime.</summary>
    private async Task<DemoSession> AsAsync(string name, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        if (people.TryGetValue(name, out var held))
        {
            if (now - held.SignedInAt < SessionAge && now >= held.SignedInAt) return held.Session;
            held.Session.Dispose();
        }

        var account = seed.Account(name);
        var session = await DemoSession.SignInAsync(server, account.Name, account.Password, cancellation);
        people[name] = (session, now);
        return session;
    }

    private async Task<string> OpenAsync(DemoSession session, string council, string jurisdiction, CancellationToken cancellation)
    {
        var created = await session.PostAsync(Routes.ConsultationProcesses, new OpenConsultationProcessRequest(seed.Term, council, jurisdiction), cancellation);
        var id = created.GetProperty("id").GetString()!;
        logger.LogInformation("Demo: {Account} opened {Process}", session.Name, id);
        return id;
    }

    /// <summary>Completes the step as the ward's clerk of the body acting on it, at the date of the decision it rests on.</summary>
    private async Task CompleteAsync(Func<Body, Task<DemoSession>> clerk, string processId, DemoWard ward, string stepId, CancellationToken cancellation)
    {
        var step = ward.Steps[stepId];
        clock.Set(step.At);
        var reader = await clerk(Body.FrontStandingBoard);
        var details = await reader.GetAsync(Routes.ConsultationProcessFor(processId), cancellation);
        var body = Enum.Parse<Body>(details.GetProperty("steps").EnumerateArray().Single(view => view.GetProperty("stepId").GetString() == stepId).GetProperty("actingBody").GetString()!);
        await (await clerk(body)).PostAsync(Routes.For(Routes.StepCompletion, processId, stepId), new CompleteStepRequest(step.Reference, null, null), cancellation);
    }

    /// <summary>The chair convenes and puts the motion, the clerk takes attendance and records the vote if there is one.</summary>
    private static async Task<string> SitAsync(
        DemoSession chair, DemoSession clerk, string processId, int round, IReadOnlyList<Invitee> invitees, DemoConference conference, CancellationToken cancellation)
    {
        var id = ConsultationConference.IdFor(processId, round);
        await chair.PostAsync(Routes.For(Routes.Conferences, processId),
            new ConveneConferenceRequest(round, conference.ScheduledAt, conference.Place, conference.Chair, invitees), cancellation);
        await clerk.PostAsync(Routes.For(Routes.ConferenceAttendance, id), new RecordAttendanceRequest(conference.Present), cancellation);
        await chair.PostAsync(Routes.For(Routes.ConferenceMotions, id), new PutMotionRequest(conference.MotionId, conference.Motion), cancellation);
        if (conference.Vote is { } vote) await clerk.PostAsync(Routes.For(Routes.ConferenceVote, id, conference.MotionId), vote, cancellation);
        return id;
    }

    /// <summary>Steps open by cascaded messages, a moment after the call that made them ready: wait for them as a person would reload.</summary>
    private static async Task WaitUntilActiveAsync(DemoSession session, string processId, string[] stepIds, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + ActivationWait;
        while (true)
        {
            var details = await session.GetAsync(Routes.ConsultationProcessFor(processId), cancellation);
            var active = details.GetProperty("steps").EnumerateArray()
                .Where(step => step.GetProperty("status").GetString() == nameof(StepStatus.Active))
                .Select(step => step.GetProperty("stepId").GetString())
                .ToHashSet();
            if (stepIds.All(active.Contains)) return;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Steps {string.Join(", ", stepIds)} of {processId} did not open within {ActivationWait.TotalSeconds} s.");
            }

            await Task.Delay(100, cancellation);
        }
    }
}
