using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Benchmarks;
using ElectionPrep.CandidateLists;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using Microsoft.Extensions.DependencyInjection;
using ElectionPrep.Http;
using Wolverine.Tracking;

namespace ElectionPrep.Infrastructure;

/// <summary>
/// Drives consultation processes over HTTP as the Front committee's people would, waiting after each action for
/// the messages it cascades (step activation) so the next assertion sees their effect.
/// </summary>
public sealed class ProcessDriver(IAlbaHost host)
{
    /// <summary>The server's clock, in Vietnam's time.</summary>
    private DateTimeOffset Now => host.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(TimeSpan.FromHours(7));

    /// <summary>The Front's six participants and the Election Committee's guest, as the benchmark's run convenes them.</summary>
    public static IReadOnlyList<Invitee> Invitees => PreparationRun.Invitees;

    private static IReadOnlyList<string> FiveOfSixAndTheGuest => PreparationRun.FiveOfSixAndTheGuest;

    /// <summary>Runs an HTTP call and waits until every message it cascaded has been handled.</summary>
    public async Task<IScenarioResult> Tracked(Action<Scenario> scenario)
    {
        IScenarioResult? result = null;
        await host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            result = await host.Scenario(scenario)));
        return result!;
    }

    public async Task<string> Open(string council, string jurisdiction, string termId = "2021-2026")
    {
        var created = await Tracked(s =>
        {
            s.Post.Json(new { termId, council, jurisdictionCode = jurisdiction }).ToUrl(Routes.ConsultationProcesses);
            s.WithBearerToken(TestUsers.Of(Body.FrontStandingBoard, ActorRole.CommitteeChair, jurisdiction));
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });
        return (await created.ReadAsJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> Details(string processId) => await host.Read<JsonElement>(Routes.ConsultationProcessFor(processId));

    /// <summary>The ids of the open steps, sorted.</summary>
    public async Task<string[]> ActiveSteps(string processId) =>
        [.. (await Details(processId)).GetProperty("steps").EnumerateArray()
            .Where(step => step.GetProperty("status").GetString() == "Active")
            .Select(step => step.GetProperty("stepId").GetString()!)
            .Order(StringComparer.Ordinal)];

    /// <summary>Completes a step, by default as a clerk of the step's acting body where it serves the process.</summary>
    public Task<IScenarioResult> Complete(string processId, string stepId, string? token = null, HttpStatusCode expected = HttpStatusCode.OK, long? expectedVersion = null) =>
        Post(Routes.For(Routes.StepCompletion, processId, stepId), new { reference = $"QĐ/{stepId}", note = (string?)null, expectedVersion },
            token ?? Acting(processId, Definition(processId).FindStep(stepId)!), expected);

    /// <summary>A token of the body that acts on steps of <paramref name="kind"/> in the process, where it serves it.</summary>
    public string Acting(string processId, StepKind kind, ActorRole role = ActorRole.Clerk) => Acting(processId, Definition(processId).StepOfKind(kind)!, role);

    private static string Acting(string processId, WorkflowStep step, ActorRole role = ActorRole.Clerk) =>
        TestUsers.Of(step.ActingBody, role, Mandate.SeatOf(step.ActingBody, JurisdictionOf(processId)));

    /// <summary>The Front committee's chair or clerk of the process's unit, who hold its consultation rounds.</summary>
    public static string Front(string processId, ActorRole role) => TestUsers.Of(Body.FrontStandingBoard, role, JurisdictionOf(processId));

    /// <summary>"2021-2026.commune-council.01834" → "01834".</summary>
    public static string JurisdictionOf(string processId) => processId[(processId.LastIndexOf('.') + 1)..];

    /// <summary>The definition the process's term binds to its council: "2026-2031.commune-council.01843" → commune-council v2.</summary>
    private WorkflowDefinition Definition(string processId) =>
        host.Services.GetRequiredService<WorkflowCatalog>().For(host.Services.GetRequiredService<Seeds.SeedCatalog>().TermOf(processId.Split('.')[0]),
            CouncilKinds.TryParse(processId.Split('.')[1], out var council) ? council : throw new ArgumentException(processId))!;

    /// <summary>Posts and checks the status, showing the problem details when it is not the one expected.</summary>
    public async Task<IScenarioResult> Post(string url, object body, string token, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var result = await Tracked(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithBearerToken(token);
            s.IgnoreStatusCode();
        });
        var status = (HttpStatusCode)result.Context.Response.StatusCode;
        return status == expected ? result : throw new Xunit.Sdk.XunitException($"POST {url}: expected {expected}, got {status}: {await result.ReadAsTextAsync()}");
    }

    /// <summary>
    /// A whole consultation conference: convened by the chair, five of six participants and the guest present,
    /// the result adopted 4–1 by show of hands, recorded and the minutes signed by the chair.
    /// </summary>
    public async Task<string> HoldConference(string processId, int round, object? decisions = null)
    {
        var conferenceId = await Vote(processId, round);
        await Post(Routes.For(Routes.ConferenceDecisions, conferenceId), decisions ?? await DecisionsAsync(processId, round), Front(processId, ActorRole.Clerk));
        await Post(Routes.For(Routes.ConferenceMinutesSignature, conferenceId), new { minutesReference = $"BB-{round}/MTTQ" }, Front(processId, ActorRole.CommitteeChair));
        return conferenceId;
    }

    /// <summary>A conference up to its vote: convened, five of six and the guest present, the result adopted 4–1; returns its id.</summary>
    public async Task<string> Vote(string processId, int round)
    {
        var conferenceId = ConsultationConference.IdFor(processId, round);
        var (chair, clerk) = (Front(processId, ActorRole.CommitteeChair), Front(processId, ActorRole.Clerk));
        await Convene(processId, round);
        await Post(Routes.For(Routes.ConferenceAttendance, conferenceId), new { presentInviteeIds = FiveOfSixAndTheGuest }, clerk);
        await Post(Routes.For(Routes.ConferenceMotions, conferenceId), new { motionId = "ket-qua", text = $"Thông qua kết quả hiệp thương lần thứ {round}" }, chair);
        await Post(Routes.For(Routes.ConferenceVote, conferenceId, "ket-qua"), new { @for = 4, against = 1, abstain = 0, method = "ShowOfHands" }, clerk);
        return conferenceId;
    }

    /// <summary>
    /// The chair convenes the round with the six participants and the guest, meeting at <paramref name="at"/> or else now on
    /// the server's clock, so that its minutes may be signed at once.
    /// </summary>
    public Task<IScenarioResult> Convene(string processId, int round, HttpStatusCode expected = HttpStatusCode.Created, DateTimeOffset? at = null) =>
        Post(Routes.For(Routes.Conferences, processId), new
        {
            round,
            scheduledAt = at ?? Now,
            place = "Hội trường Ủy ban MTTQ",
            chair = "Nguyễn Văn An",
            invitees = Invitees,
        }, Front(processId, ActorRole.CommitteeChair), expected);

    /// <summary>Opens a process and runs it to the dossier window: structure projected, round 1 agreed with its allocations.</summary>
    public async Task<string> OpenForDossiers(string council, string jurisdiction, string termId = "2021-2026")
    {
        var id = await Open(council, jurisdiction, termId);
        await Complete(id, "structure-projected");
        await HoldConference(id, 1);
        return id;
    }

    /// <summary>
    /// Runs a process open for dossiers on until its constituencies are published, by default one (dv1, 2 seats): the
    /// structure adjusted, the election committee formed, the constituencies recorded by its clerk.
    /// </summary>
    public async Task PublishConstituencies(string processId, params Constituency[] constituencies)
    {
        await Complete(processId, "structure-adjusted");
        await Complete(processId, "election-committee-formed");
        await Post(Routes.For(Routes.Constituencies, processId),
            new PublishConstituenciesRequest(constituencies.Length > 0 ? constituencies : [new Constituency("dv1", "Đơn vị bầu cử số 1", 2)], "QĐ 12/QĐ-UBBC", null),
            Acting(processId, StepKind.ConstituencyPublication));
    }

    /// <summary>Runs a process whose dossiers are filed on to its voter conferences: constituencies published, dossiers closed, round 2's list agreed.</summary>
    public async Task OpenVoterConferences(string processId, params Constituency[] constituencies)
    {
        await PublishConstituencies(processId, constituencies);
        await Complete(processId, "constituencies-published");
        await Complete(processId, "nominations");
        await Complete(processId, "dossiers-filed");
        await HoldConference(processId, 2);
    }

    /// <summary>
    /// Runs a ward's process from opening to its published official list of three in one constituency (dv1, 2 seats): two
    /// nominated by <paramref name="nominatingBody"/> and a self-nominee, each heard and trusted by the voters where the law
    /// requires; the list published by the Election Committee's clerk as NQ 25/NQ-UBBC. Returns the candidacy ids by name.
    /// </summary>
    public async Task<Dictionary<string, string>> PublishListOfThree(string processId, string nominatingBody)
    {
        await OpenForDossiers("commune-council", JurisdictionOf(processId));
        var ids = new Dictionary<string, string>
        {
            ["Trần Thị Ánh"] = await File(processId, "Trần Thị Ánh", "001185000001", nominatingBody),
            ["Nguyễn Thị Bích"] = await File(processId, "Nguyễn Thị Bích", "001185000002", nominatingBody),
            ["Hoàng Văn An"] = await File(processId, "Hoàng Văn An", "001085000003"),
        };

        var electionClerk = TestUsers.Of(Body.ElectionCommittee, ActorRole.Clerk, JurisdictionOf(processId));
        await OpenVoterConferences(processId);
        await HearEveryone(processId);
        await Complete(processId, "voter-conferences");
        await HoldConference(processId, 3, new { motionId = "ket-qua", candidates = ids.Select(pair => new CandidateEntry(pair.Value, pair.Key)) });
        await Complete(processId, "minutes-sent");
        foreach (var id in ids.Values)
        {
            await Post(Routes.For(Routes.Assignments, processId), new { candidacyId = id, constituencyId = "dv1" }, electionClerk);
        }

        await Post(Routes.For(Routes.OfficialList, processId), new { decisionReference = "NQ 25/NQ-UBBC" }, electionClerk);
        return ids;
    }

    /// <summary>
    /// Ward 01834's commune council with Ánh (nominated by the Women's Union) and An (self-nominated) on round 2's list,
    /// its voter conferences open; returns their candidacy ids.
    /// </summary>
    public async Task<(string Anh, string An)> TwoCandidatesBeforeTheVoters()
    {
        var process = await OpenForDossiers("commune-council", "01834");
        var anh = await File(process, "Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ");
        var an = await File(process, "Hoàng Văn An", "001085000003");
        await OpenVoterConferences(process);
        return (anh, an);
    }

    /// <summary>
    /// The voters hear everyone standing where the law requires before round 3, all trusting them: one conference where they
    /// live for everyone, and one at work for the self-nominees.
    /// </summary>
    public async Task HearEveryone(string processId)
    {
        var standing = (await host.Read<JsonElement>(Routes.For(Routes.CandidateList, processId))).GetProperty("entries").EnumerateArray()
            .Where(entry => entry.GetProperty("status").GetString() == "Standing").ToList();
        var selfNominees = standing.Where(entry => entry.GetProperty("nominatingBody").ValueKind == JsonValueKind.Null).ToList();
        foreach (var (kind, heard) in new[] { ("Residence", standing), ("Workplace", selfNominees) }.Where(conference => conference.Item2.Count > 0))
        {
            await Post(Routes.For(Routes.VoterConferences, processId), new
            {
                kind, heldOn = DateOnly.FromDateTime(Now.Date), invited = 120, present = 90, countingTeam = new[] { "Tổ trưởng", "Thư ký" }, minutesReference = $"BB-CT-{kind}",
                results = heard.Select(entry => new { candidacyId = entry.GetProperty("candidacyId").GetString(), trust = 80, distrust = 10 }),
            }, Acting(processId, StepKind.VoterConferences));
        }
    }

    /// <summary>Files a dossier as the clerk; returns the new candidacy's id.</summary>
    public async Task<string> File(string processId, string fullName, string citizenId, string? nominatedBy = null, string residence = "01834",
        string? workplace = null, HttpStatusCode expected = HttpStatusCode.Created, string gender = "Female")
    {
        var filed = await Post(Routes.For(Routes.Candidacies, processId), Dossier(fullName, citizenId, nominatedBy, residence, workplace, gender),
            Acting(processId, StepKind.DossierWindow), expected);
        return expected == HttpStatusCode.Created ? (await filed.ReadAsJsonAsync<JsonElement>()).GetProperty("id").GetString()! : "";
    }

    public static object Dossier(string fullName, string citizenId, string? nominatedBy = null, string residence = "01834", string? workplace = null,
        string gender = "Female") => new
    {
        fullName,
        dateOfBirth = "1985-06-15",
        gender,
        ethnicity = "Tày",
        religion = "Không",
        nationality = "Việt Nam",
        partyMember = true,
        education = "Đại học",
        profession = "Giáo viên",
        workplace = "Trường THPT Bắc Kạn",
        workplaceUnitCode = workplace,
        residenceUnitCode = residence,
        nomination = nominatedBy is null ? null : new
        {
            nominatingBody = nominatedBy,
            leadershipProposal = new { heldOn = "2021-02-25", reference = "BB-01" },
            workplaceConference = new { heldOn = "2021-03-01", invited = 60, present = 55, trust = 50, minutesReference = "BB-02" },
            leadershipDecision = new { heldOn = "2021-03-03", reference = "QĐ-03" },
        },
        documents = Enum.GetNames<Candidates.DocumentKind>().Select(kind => new { kind, fileName = $"{citizenId}-{kind}.pdf", sha256 = new string('b', 64) }),
        citizenId,
        residenceAddress = "Tổ 5, phường Nguyễn Thị Minh Khai",
        phone = "0912345678",
        email = (string?)null,
    };

    /// <summary>Round 1: 25 nominees, 3 for the Women's Union and 2 for the Youth Union. Rounds 2 and 3: everyone standing on the list.</summary>
    public async Task<object> DecisionsAsync(string processId, int round)
    {
        if (round == 1)
        {
            return new
            {
                motionId = "ket-qua",
                totalNominees = 25,
                allocations = new[]
                {
                    new NominationAllocation("Hội Liên hiệp Phụ nữ", 3, new Dictionary<string, int> { ["woman"] = 3 }),
                    new NominationAllocation("Đoàn Thanh niên", 2, new Dictionary<string, int> { ["young"] = 2 }),
                },
            };
        }

        var list = await host.Read<JsonElement>(Routes.For(Routes.CandidateList, processId));
        return new
        {
            motionId = "ket-qua",
            candidates = list.GetProperty("entries").EnumerateArray()
                .Where(entry => entry.GetProperty("status").GetString() == "Standing")
                .Select(entry => new CandidateEntry(entry.GetProperty("candidacyId").GetString()!, entry.GetProperty("fullName").GetString()!)),
        };
    }
}
