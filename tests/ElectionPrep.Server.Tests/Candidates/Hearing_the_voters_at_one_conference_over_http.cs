using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.CandidateLists;
using ElectionPrep.Http;
using ElectionPrep.Idempotency;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;

namespace ElectionPrep.Candidates;

/// <summary>Ward 01834's commune council at its voter conferences: one residence conference heard about Ánh and An, recorded in one submit.</summary>
public class Hearing_the_voters_at_one_conference_over_http(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";

    private ProcessDriver Driver => new(Host);

    private string Clerk => Driver.Acting(Process, StepKind.VoterConferences);

    private static object Conference(params (string CandidacyId, int Trust, int Distrust)[] results) => Conference(false, results);

    private static object Conference(bool dryRun, params (string CandidacyId, int Trust, int Distrust)[] results) => new
    {
        dryRun,
        kind = "Residence", heldOn = "2021-04-01", invited = 120, present = 90, countingTeam = new[] { "Tổ trưởng", "Thư ký" }, minutesReference = "BB-CT",
        results = results.Select(r => new { candidacyId = r.CandidacyId, trust = r.Trust, distrust = r.Distrust }),
    };

    private Task<long> Recorded() => Events.CountAsync(Host, eventType: nameof(VoterConferenceRecorded));

    [Fact]
    public async Task Each_candidate_heard_has_the_conference_recorded_with_their_own_votes()
    {
        var (anh, an) = await Driver.TwoCandidatesBeforeTheVoters();

        await Driver.Post(Routes.For(Routes.VoterConferences, Process), Conference((anh, 80, 10), (an, 30, 60)), Clerk);

        var verdicts = (await Host.Read<JsonElement>(Routes.For(Routes.CandidateList, Process))).GetProperty("verdicts").EnumerateArray()
            .ToDictionary(verdict => verdict.GetProperty("candidacyId").GetString()!, verdict => verdict.GetProperty("distrusted").GetBoolean());
        Assert.Equal((false, true), (verdicts[anh], verdicts[an]));
        Assert.Equal(2, await Recorded());
    }

    [Fact]
    public async Task A_dry_run_previews_each_candidates_result_and_records_nothing()
    {
        var (anh, an) = await Driver.TwoCandidatesBeforeTheVoters();

        var preview = await (await Driver.Post(Routes.For(Routes.VoterConferences, Process), Conference(true, (anh, 80, 10), (an, 30, 60)), Clerk))
            .ReadAsJsonAsync<HeardBatch>();

        Assert.Equal([false, true], preview!.Candidacies.Select(candidacy => candidacy.Distrusted));
        Assert.Equal(0, await Recorded());
    }

    [Fact]
    public async Task A_refused_result_refuses_the_conference_naming_that_candidate_and_records_nothing()
    {
        var (anh, an) = await Driver.TwoCandidatesBeforeTheVoters();

        var result = await Driver.Post(Routes.For(Routes.VoterConferences, Process), Conference((anh, 80, 10), (an, 80, 20)), Clerk, HttpStatusCode.Conflict);

        var item = Assert.Single((await result.ThenRefused(RecordVoterConferences.ResultsRefused)).GetProperty("items").EnumerateArray());
        Assert.Equal((2, "Hoàng Văn An", RecordVoterConference.VotesExceedPresent),
            (item.GetProperty("position").GetInt32(), item.GetProperty("label").GetString(), item.GetProperty("code").GetString()));
        Assert.Equal(0, await Recorded());
    }

    [Fact]
    public async Task The_front_of_another_ward_cannot_record_this_wards_conference()
    {
        var (anh, an) = await Driver.TwoCandidatesBeforeTheVoters();

        await Driver.Post(Routes.For(Routes.VoterConferences, Process), Conference((anh, 80, 10), (an, 30, 60)),
            Driver.Acting("2021-2026.commune-council.01837", StepKind.VoterConferences), HttpStatusCode.Forbidden);

        Assert.Equal(0, await Recorded());
    }

    [Fact]
    public async Task A_negative_vote_count_is_named_by_its_result_and_field()
    {
        var (anh, an) = await Driver.TwoCandidatesBeforeTheVoters();

        var result = await Driver.Post(Routes.For(Routes.VoterConferences, Process), Conference((anh, 80, 10), (an, -1, 60)), Clerk, HttpStatusCode.BadRequest);

        var errors = (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("errorsEn");
        Assert.Equal("A vote count cannot be negative.", errors.GetProperty("results[1].trust")[0].GetString());
        Assert.Equal(0, await Recorded());
    }
}
