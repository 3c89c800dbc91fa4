using System.Net;
using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Infrastructure;
using Marten;

namespace ElectionPrep.Http;

/// <summary>
/// Every write slice has what it decides on loaded before it runs (its <c>Writes…</c> attribute): an id that names
/// nothing answers the one not-found problem of that aggregate and appends nothing; a list write that carries a stale
/// version is refused before anything is decided.
/// </summary>
public class Loading_what_a_decision_acts_on(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string MissingProcess = "2021-2026.commune-council.09999";

    private ProcessDriver Driver => new(Host);

    public static TheoryData<string, object, string> WritesOnMissingAggregates => new()
    {
        { Routes.For(Routes.CandidacyComplaints, "khong-co"), new RecordComplaintRequest("vv-1", "Đơn tố cáo", "UBMTTQ"), "There is no candidacy 'khong-co'." },
        { Routes.For(Routes.ConferenceAttendance, "khong-co"), new RecordAttendanceRequest(["a"]), "There is no conference 'khong-co'." },
        { Routes.For(Routes.StepCompletion, MissingProcess, "nominations"), new CompleteStepRequest("QĐ 1", null, null), $"There is no consultation process '{MissingProcess}'." },
        { Routes.For(Routes.Assignments, MissingProcess), new AssignConstituencyRequest("a", "dv1", null), $"There is no consultation process '{MissingProcess}'." },
        { Routes.For(Routes.AssignmentBatches, MissingProcess), new AssignConstituenciesRequest([new CandidatePlacement("a", "dv1")], null), $"There is no consultation process '{MissingProcess}'." },
        {
            Routes.For(Routes.VoterConferences, MissingProcess),
            new RecordVoterConferencesRequest(VoterConferenceKind.Residence, new DateOnly(2021, 4, 1), 120, 90, ["Tổ trưởng"], "BB-CT", [new CandidateVotesRequest("a", 80, 10)]),
            $"There is no consultation process '{MissingProcess}'."
        },
    };

    [Theory]
    [MemberData(nameof(WritesOnMissingAggregates))]
    public async Task A_write_on_an_id_that_names_nothing_is_the_one_not_found_answer(string url, object body, string english)
    {
        var result = await Driver.Post(url, body, TestUsers.NationalChair, HttpStatusCode.NotFound);

        var problem = await result.ThenRefused("not-found");
        Assert.Equal(english, problem.GetProperty("detailEn").GetString());
        await using var session = Store.QuerySession();
        Assert.Equal(0, await session.Events.QueryAllRawEvents().CountAsync());
    }

    [Fact]
    public async Task A_list_write_on_a_process_without_a_list_names_the_missing_list()
    {
        var process = await Driver.Open("commune-council", "01834");

        var result = await Driver.Post(Routes.For(Routes.ElectionResults, process), new RecordElectionResultsRequest(["a"], "BB 1"),
            TestUsers.ElectionClerk, HttpStatusCode.NotFound);

        var problem = await result.ThenRefused("not-found");
        Assert.Equal($"Process '{process}' has no candidate list.", problem.GetProperty("detailEn").GetString());
    }

    [Fact]
    public async Task A_withdrawal_sent_against_a_stale_list_version_is_refused_before_it_is_decided()
    {
        var process = await Driver.OpenForDossiers("commune-council", "01834");
        await Driver.PublishConstituencies(process);

        var result = await Driver.Post(Routes.For(Routes.Withdrawals, process), new LeaveOfficialListRequest("a", "UBBC", "QĐ 13", ExpectedVersion: 7),
            TestUsers.ElectionClerk, HttpStatusCode.Conflict);

        var problem = await result.ThenRefused(StaleVersions.Code);
        Assert.Equal(1, problem.GetProperty("currentVersion").GetInt64());
    }
}
