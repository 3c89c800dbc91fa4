using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Marten;
using Marten.Events;

namespace ElectionPrep.ConsultationProcesses;

public class Opening_a_consultation_process_over_http(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string WardProcessId = "2021-2026.commune-council.01834";

    private static object Request(string council = "commune-council", string jurisdiction = "01834", string term = "2021-2026") =>
        new { termId = term, council, jurisdictionCode = jurisdiction };

    [Fact]
    public async Task The_opened_process_is_returned_with_its_legal_calendar_in_Vietnam_time()
    {
        var created = await Host.Scenario(s =>
        {
            s.Post.Json(Request()).ToUrl(Routes.ConsultationProcesses);
            s.WithBearerToken(TestUsers.NationalChair);
            s.StatusCodeShouldBe(HttpStatusCode.Created);
            s.Header("Location").SingleValueShouldEqual(Routes.ConsultationProcessFor(WardProcessId));
        });
        Assert.Equal(WardProcessId, (await created.ReadAsJsonAsync<ConsultationProcessCreated>())!.Id);

        var read = await Host.Read<JsonElement>(Routes.ConsultationProcessFor(WardProcessId));

        Assert.Equal("CommuneCouncil", read.GetProperty("council").GetString());
        Assert.Equal("Phường Nguyễn Thị Minh Khai", read.GetProperty("jurisdictionName").GetString());
        Assert.Equal("Open", read.GetProperty("stage").GetString());
        Assert.Equal(AppFixture.Start, read.GetProperty("openedAt").GetDateTimeOffset());
        var calendar = read.GetProperty("calendar").EnumerateArray().ToDictionary(
            entry => entry.GetProperty("stepId").GetString()!, entry => entry.GetProperty("dueAt").GetString());
        Assert.Equal("2021-03-14T17:00:00+07:00", calendar["dossiers-filed"]);
        Assert.Equal("2021-02-17T23:59:59+07:00", calendar["first-consultation"]);
        Assert.Equal("2021-04-28T23:59:59+07:00", calendar["official-list-published"]);
    }

    [Fact]
    public async Task The_opening_is_one_event_with_who_and_when()
    {
        await Host.Scenario(s =>
        {
            s.Post.Json(Request()).ToUrl(Routes.ConsultationProcesses);
            s.WithBearerToken(TestUsers.NationalChair);
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });

        await using var session = Store.QuerySession();
        var stored = (await session.Events.FetchStreamAsync(WardProcessId))[0];
        var opened = Assert.IsType<ConsultationProcessOpened>(stored.Data);
        Assert.Equal("chu.tich", opened.OpenedBy);
        Assert.Equal("chu.tich", stored.UserName);
        Assert.Equal(AppFixture.Start, opened.OpenedAt);
        Assert.Equal(1, stored.Version);
        Assert.False(string.IsNullOrEmpty(stored.CorrelationId));
    }

    [Fact]
    public async Task Opening_an_already_open_council_again_is_refused_with_nothing_recorded()
    {
        await Host.Scenario(s =>
        {
            s.Post.Json(Request()).ToUrl(Routes.ConsultationProcesses);
            s.WithBearerToken(TestUsers.NationalChair);
            s.StatusCodeShouldBe(HttpStatusCode.Created);
        });

        var refused = await Host.Scenario(s =>
        {
            s.Post.Json(Request(council: "CommuneCouncil")).ToUrl(Routes.ConsultationProcesses);
            s.WithBearerToken(TestUsers.NationalChair);
            s.StatusCodeShouldBe(HttpStatusCode.Conflict);
        });

        var problem = await refused.ThenRefused(OpenConsultationProcess.AlreadyOpen);
        Assert.Contains("đã được mở", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("already open", problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
        await using var session = Store.QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync(WardProcessId), e => e.Data is ConsultationProcessOpened);
    }

    [Fact]
    public async Task Two_simultaneous_openings_record_exactly_one_process()
    {
        using var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestUsers.NationalChair);

        var responses = await Task.WhenAll(
            client.PostAsJsonAsync(Routes.ConsultationProcesses, Request()),
            client.PostAsJsonAsync(Routes.ConsultationProcesses, Request()));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        await using var session = Store.QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync(WardProcessId), e => e.Data is ConsultationProcessOpened);
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        { "2017-2022", "commune-council", "01834", "termId" },
        { "2021-2026", "village-council", "01834", "council" },
        { "2021-2026", "commune-council", "99999", "jurisdictionCode" },
        { "2021-2026", "district-council", "01834", "jurisdictionCode" },
        { "2021-2026", "national-assembly-central", "06", "jurisdictionCode" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_a_400_naming_the_field_in_both_languages_recording_nothing(
        string term, string council, string jurisdiction, string field)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(Request(council, jurisdiction, term)).ToUrl(Routes.ConsultationProcesses);
            s.WithBearerToken(TestUsers.NationalChair);
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));
        Assert.Equal([field], problem.GetProperty("errorsEn").EnumerateObject().Select(error => error.Name));
        Assert.NotEqual(
            problem.GetProperty("errors").GetProperty(field)[0].GetString(),
            problem.GetProperty("errorsEn").GetProperty(field)[0].GetString());
        await using var session = Store.QuerySession();
        Assert.Equal(0, await session.Events.QueryAllRawEvents().CountAsync());
    }

    [Theory]
    [InlineData("{not json", "$", "The body is not valid JSON.")]
    [InlineData("{\"termId\":\"2021-2026\",\"council\":\"commune-council\",\"jurisdictionCode\":1834}", "jurisdictionCode", "The value is of the wrong kind or not one of the allowed values.")]
    public async Task A_body_the_json_reader_cannot_read_is_a_400_naming_the_field_in_both_languages_recording_nothing(string body, string field, string english)
    {
        var refused = await Host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl(Routes.ConsultationProcesses);
            s.WithRequestHeader("content-type", "application/json");
            s.WithBearerToken(TestUsers.NationalChair);
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });

        var problem = await refused.ReadAsJsonAsync<JsonElement>();
        Assert.Equal(english, problem.GetProperty("errorsEn").GetProperty(field)[0].GetString());
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty(field)[0].GetString()!);
        await using var session = Store.QuerySession();
        Assert.Equal(0, await session.Events.QueryAllRawEvents().CountAsync());
    }

    [Fact]
    public async Task Opening_needs_a_signed_in_user_of_the_Front_committee()
    {
        await Host.Scenario(s =>
        {
            s.Post.Json(Request()).ToUrl(Routes.ConsultationProcesses);
            s.StatusCodeShouldBe(HttpStatusCode.Unauthorized);
        });
        await Host.Scenario(s =>
        {
            s.Post.Json(Request()).ToUrl(Routes.ConsultationProcesses);
            s.WithBearerToken(TestUsers.Observer);
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });

        await using var session = Store.QuerySession();
        Assert.Equal(0, await session.Events.QueryAllRawEvents().CountAsync());
    }

    [Fact]
    public async Task An_unknown_process_is_a_404()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(Routes.ConsultationProcessFor("2021-2026.commune-council.01837"));
            s.WithBearerToken(TestUsers.Observer);
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });

        await result.ThenRefused("not-found");
    }

    [Fact]
    public async Task The_listing_follows_the_event_store_through_the_async_daemon()
    {
        foreach (var request in new[] { Request(), Request("district-council", "061"), Request("provincial-council", "06") })
        {
            await Host.Scenario(s =>
            {
                s.Post.Json(request).ToUrl(Routes.ConsultationProcesses);
                s.WithBearerToken(TestUsers.NationalChair);
                s.StatusCodeShouldBe(HttpStatusCode.Created);
            });
        }

        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var all = await Host.Read<ConsultationProcessSummary[]>(Routes.ConsultationProcesses);
        var districts = await Host.Read<ConsultationProcessSummary[]>($"{Routes.ConsultationProcesses}?council=district-council");
        Assert.Equal(
            ["2021-2026.commune-council.01834", "2021-2026.district-council.061", "2021-2026.provincial-council.06"],
            all!.Select(summary => summary.Id));
        Assert.Equal("Huyện Ba Bể", Assert.Single(districts!).JurisdictionName);

        var mistyped = await Host.Scenario(s =>
        {
            s.Get.Url($"{Routes.ConsultationProcesses}?council=huyen");
            s.WithBearerToken(TestUsers.Observer);
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });
        Assert.Contains("district-council", (await mistyped.ReadAsJsonAsync<JsonElement>()).GetProperty("errorsEn").GetProperty("council")[0].GetString(), StringComparison.Ordinal);
    }
}
