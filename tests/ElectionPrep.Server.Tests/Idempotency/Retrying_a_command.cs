using System.Net;
using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Http;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Wolverine.Tracking;

namespace ElectionPrep.Idempotency;

/// <summary>A client that lost the answer sends the same command again with the same Idempotency-Key.</summary>
public class Retrying_a_command(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string WardProcessId = "2021-2026.commune-council.01834";

    private static readonly object OpenWard = new { termId = "2021-2026", council = "commune-council", jurisdictionCode = "01834" };

    private ProcessDriver Driver => new(Host);

    private Task<IScenarioResult> Send(string url, object body, string? key, string? token = null) =>
        Driver.Tracked(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithBearerToken(token ?? TestUsers.Chair);
            if (key is not null) s.WithRequestHeader(IdempotencyKeys.HeaderName, key);
            s.IgnoreStatusCode();
        });

    private Task<long> CountEvents() => Events.CountAsync(Host);

    private static bool Replayed(IScenarioResult result) => result.Context.Response.Headers.ContainsKey(IdempotencyKeys.ReplayedHeader);

    private Task<IScenarioResult> OpenWardWithOneKey() => Send(Routes.ConsultationProcesses, OpenWard, "open-ward-1");

    [Fact]
    public async Task The_same_key_and_body_twice_gets_the_first_answer_replayed()
    {
        var first = await OpenWardWithOneKey();
        var firstBody = await first.ReadAsTextAsync();

        var retry = await OpenWardWithOneKey();

        Assert.Equal(StatusCodes.Status201Created, retry.Context.Response.StatusCode);
        Assert.Equal(firstBody, await retry.ReadAsTextAsync());
        Assert.Equal(first.Context.Response.Headers.Location.ToString(), retry.Context.Response.Headers.Location.ToString());
        Assert.Equal(Routes.ConsultationProcessFor(WardProcessId), retry.Context.Response.Headers.Location.ToString());
        Assert.Equal(first.Context.Response.ContentType, retry.Context.Response.ContentType);
        Assert.True(Replayed(retry));
    }

    [Fact]
    public async Task The_same_key_and_body_twice_records_once()
    {
        await OpenWardWithOneKey();
        var events = await CountEvents();

        await OpenWardWithOneKey();

        Assert.Equal(events, await CountEvents());
    }

    [Fact]
    public async Task The_same_key_on_another_body_is_refused_with_nothing_recorded()
    {
        await Send(Routes.ConsultationProcesses, OpenWard, "open-1");
        var events = await CountEvents();

        var reused = await Send(Routes.ConsultationProcesses, new { termId = "2021-2026", council = "district-council", jurisdictionCode = "061" }, "open-1");

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, reused.Context.Response.StatusCode);
        await reused.ThenRefused(IdempotencyKeys.KeyReused);
        Assert.Equal(events, await CountEvents());
    }

    [Fact]
    public async Task The_same_key_on_another_route_is_refused()
    {
        await Send(Routes.ConsultationProcesses, OpenWard, "one-key");

        var reused = await Send(Routes.For(Routes.Conferences, WardProcessId), new { round = 1 }, "one-key");

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, reused.Context.Response.StatusCode);
        await reused.ThenRefused(IdempotencyKeys.KeyReused);
    }

    [Fact]
    public async Task One_callers_key_does_not_replay_anothers_answer()
    {
        await Send(Routes.ConsultationProcesses, OpenWard, "shared-key");

        var other = await Send(Routes.ConsultationProcesses, OpenWard, "shared-key", TestUsers.Token("pho.chu.tich", [new System.Security.Claims.Claim("body", "FrontStandingBoard"), new System.Security.Claims.Claim("jurisdiction", "01834")], Workflows.ActorRole.CommitteeChair));

        Assert.False(Replayed(other));
        Assert.Equal(StatusCodes.Status409Conflict, other.Context.Response.StatusCode);
        await other.ThenRefused(OpenConsultationProcess.AlreadyOpen);
    }

    [Fact]
    public async Task A_refusal_is_answered_again_to_its_retry()
    {
        await Send(Routes.ConsultationProcesses, OpenWard, key: null);
        var refused = await Send(Routes.ConsultationProcesses, OpenWard, "late-open");

        var retry = await Send(Routes.ConsultationProcesses, OpenWard, "late-open");

        Assert.Equal(StatusCodes.Status409Conflict, retry.Context.Response.StatusCode);
        Assert.True(Replayed(retry));
        Assert.Equal(await refused.ReadAsTextAsync(), await retry.ReadAsTextAsync());
    }

    [Fact]
    public async Task Without_a_key_a_repeat_is_decided_again()
    {
        await Send(Routes.ConsultationProcesses, OpenWard, key: null);

        var repeat = await Send(Routes.ConsultationProcesses, OpenWard, key: null);

        Assert.False(Replayed(repeat));
        await repeat.ThenRefused(OpenConsultationProcess.AlreadyOpen);
    }

    public static TheoryData<string> MalformedKeys => ["", "a\tb", new string('k', 201)];

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task A_malformed_key_is_refused_naming_the_header(string key)
    {
        var sent = await Send(Routes.ConsultationProcesses, OpenWard, key);

        Assert.Equal(StatusCodes.Status400BadRequest, sent.Context.Response.StatusCode);
        var problem = await sent.ReadAsJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(IdempotencyKeys.HeaderName, out _));
        Assert.True(problem.GetProperty("errorsEn").TryGetProperty(IdempotencyKeys.HeaderName, out _));
        Assert.Equal(0, await CountEvents());
    }

    [Fact]
    public async Task A_stored_answer_expires_after_a_day()
    {
        await Send(Routes.ConsultationProcesses, OpenWard, "yesterday");
        Clock.Now = AppFixture.Start.AddHours(25);

        var retry = await Send(Routes.ConsultationProcesses, OpenWard, "yesterday");

        Assert.False(Replayed(retry));
        await retry.ThenRefused(OpenConsultationProcess.AlreadyOpen);
    }

    private async Task<IScenarioResult[]> RaceTwoRequestsWithOneKey()
    {
        IScenarioResult[] answers = [];
        await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Host.Scenario(s =>
            {
                s.Post.Json(OpenWard).ToUrl(Routes.ConsultationProcesses);
                s.WithBearerToken(TestUsers.Chair);
                s.WithRequestHeader(IdempotencyKeys.HeaderName, "racing");
                s.IgnoreStatusCode();
            })))));
        return answers;
    }

    [Fact]
    public async Task Two_requests_racing_with_one_key_get_the_same_201()
    {
        var answers = await RaceTwoRequestsWithOneKey();

        Assert.All(answers, answer => Assert.Equal(StatusCodes.Status201Created, answer.Context.Response.StatusCode));
        Assert.Equal(await answers[0].ReadAsTextAsync(), await answers[1].ReadAsTextAsync());
    }

    [Fact]
    public async Task Two_requests_racing_with_one_key_record_once()
    {
        await RaceTwoRequestsWithOneKey();

        Assert.Equal(1, await Events.CountAsync(Host, WardProcessId, nameof(ConsultationProcessOpened)));
    }

    [Fact]
    public async Task A_retried_filing_gets_its_first_201()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var dossier = ProcessDriver.Dossier("Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ");
        var filed = await Send(Routes.For(Routes.Candidacies, WardProcessId), dossier, "file-anh", TestUsers.ElectionClerk);
        var events = await CountEvents();

        var retry = await Send(Routes.For(Routes.Candidacies, WardProcessId), dossier, "file-anh", TestUsers.ElectionClerk);

        Assert.Equal(StatusCodes.Status201Created, retry.Context.Response.StatusCode);
        Assert.Equal(await filed.ReadAsTextAsync(), await retry.ReadAsTextAsync());
        Assert.Equal(filed.Context.Response.Headers.Location.ToString(), retry.Context.Response.Headers.Location.ToString());
        Assert.Equal(events, await CountEvents());
    }

    [Fact]
    public async Task A_retried_account_creation_gets_its_first_201_creating_the_account_once()
    {
        var clerk = new { name = "thu.ky.01834", password = "mat-khau-du-dai-123", roles = new[] { "Clerk" }, body = "FrontStandingBoard", jurisdiction = "01834" };
        var created = await Send(Routes.Accounts, clerk, "tao-thu-ky", TestUsers.Administrator);

        var retry = await Send(Routes.Accounts, clerk, "tao-thu-ky", TestUsers.Administrator);

        Assert.Equal(StatusCodes.Status201Created, retry.Context.Response.StatusCode);
        Assert.Equal(await created.ReadAsTextAsync(), await retry.ReadAsTextAsync());
        Assert.Equal(created.Context.Response.Headers.Location.ToString(), retry.Context.Response.Headers.Location.ToString());
        Assert.Equal(1, await Events.CountAsync(Host, Accounts.Accounts.StreamFor("thu.ky.01834"), nameof(Accounts.AccountCreated)));
    }
}
