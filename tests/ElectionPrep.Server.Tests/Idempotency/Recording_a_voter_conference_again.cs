using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Candidates;
using ElectionPrep.CandidateLists;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace ElectionPrep.Idempotency;

/// <summary>A voter conference has no id of its own: the domain refuses it twice, with or without a key.</summary>
public class Recording_a_voter_conference_again(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";

    private static readonly object Conference = new
    {
        kind = "Residence", heldOn = "2021-04-01", invited = 120, present = 90, trust = 80, distrust = 10,
        countingTeam = new[] { "Tổ trưởng", "Thư ký" }, minutesReference = "BB-CT",
    };

    private ProcessDriver Driver => new(Host);

    /// <summary>Files one candidate and runs the process to its voter conferences; returns the candidacy's id.</summary>
    private async Task<string> CandidateBeforeTheVoters()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var id = await Driver.File(Process, "Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ");
        await Driver.OpenVoterConferences(Process);
        return id;
    }

    private Task<IScenarioResult> Record(string candidacyId, string? key) =>
        Driver.Tracked(s =>
        {
            s.Post.Json(Conference).ToUrl(Routes.For(Routes.CandidacyVoterConferences, candidacyId));
            s.WithBearerToken(TestUsers.Clerk);
            if (key is not null) s.WithRequestHeader(IdempotencyKeys.HeaderName, key);
            s.IgnoreStatusCode();
        });

    [Fact]
    public async Task The_same_conference_sent_again_without_a_key_is_refused()
    {
        var id = await CandidateBeforeTheVoters();
        await Driver.Post(Routes.For(Routes.CandidacyVoterConferences, id), Conference, TestUsers.Clerk);

        var again = await Record(id, key: null);

        Assert.Equal(StatusCodes.Status409Conflict, again.Context.Response.StatusCode);
        var problem = await again.ThenRefused(RecordVoterConference.AlreadyRecorded);
        Assert.Contains("BB-CT", problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await Events.CountAsync(Host, id, nameof(VoterConferenceRecorded)));
    }

    [Fact]
    public async Task The_same_conference_sent_again_with_its_key_gets_its_first_answer()
    {
        var id = await CandidateBeforeTheVoters();
        var first = await Record(id, "hoi-nghi-cu-tri-1");

        var retry = await Record(id, "hoi-nghi-cu-tri-1");

        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)retry.Context.Response.StatusCode);
        Assert.Equal(await first.ReadAsTextAsync(), await retry.ReadAsTextAsync());
        Assert.Equal(1, await Events.CountAsync(Host, id, nameof(VoterConferenceRecorded)));
    }
}
