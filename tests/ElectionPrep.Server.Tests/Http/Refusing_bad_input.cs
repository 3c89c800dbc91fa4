using ElectionPrep.Workflows;
using System.Net;
using System.Text;
using System.Text.Json;
using Alba;
using ElectionPrep.Infrastructure;
using Marten;

namespace ElectionPrep.Http;

/// <summary>Malformed requests are a 4xx naming the field in both languages, and nothing is appended.</summary>
public class Refusing_bad_input(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";

    private ProcessDriver Driver => new(Host);

    private async Task<long> EventCount()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }

    /// <summary>Posts <paramref name="json"/> as written, so that it may be what no serializer would write.</summary>
    private async Task<IScenarioResult> PostRaw(string url, string json, string? token, HttpStatusCode expected)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Text(json).ToUrl(url);
            s.ConfigureHttpContext(context => context.Request.ContentType = "application/json");
            if (token is not null) s.WithBearerToken(token);
            s.IgnoreStatusCode();
        });
        var status = (HttpStatusCode)result.Context.Response.StatusCode;
        return status == expected ? result : throw new Xunit.Sdk.XunitException($"POST {url}: expected {expected}, got {status}: {await result.ReadAsTextAsync()}");
    }

    private async Task<IScenarioResult> Get(string url, HttpStatusCode expected) =>
        await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(TestUsers.Observer);
            s.StatusCodeShouldBe(expected);
        });

    /// <summary>The problem names <paramref name="field"/> alone, in Vietnamese and in English; returns the English message.</summary>
    private static async Task<string> NamedAlone(IScenarioResult result, string field)
    {
        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));
        Assert.Equal([field], problem.GetProperty("errorsEn").EnumerateObject().Select(error => error.Name));
        Assert.NotEqual(problem.GetProperty("errors").GetProperty(field)[0].GetString(), problem.GetProperty("errorsEn").GetProperty(field)[0].GetString());
        return problem.GetProperty("errorsEn").GetProperty(field)[0].GetString()!;
    }

    private static string Convening(string invitees, string place = "Hội trường") =>
        $$"""{"round":1,"scheduledAt":"2021-02-15T08:00:00+07:00","place":{{JsonSerializer.Serialize(place)}},"chair":"Nguyễn Văn An","invitees":{{invitees}}}""";

    private static string Invitee(string id) =>
        $$"""{"id":"{{id}}","name":"Nguyễn Văn An","body":"Ban Thường trực UBMTTQ","role":"Chủ tịch","participation":"Participant"}""";

    private async Task RoundOneOpen()
    {
        await Driver.Open("commune-council", "01834");
        await Driver.Complete(Process, "structure-projected");
    }

    [Fact]
    public async Task A_null_body_on_a_process_action_is_a_400_naming_the_body_appending_nothing()
    {
        await RoundOneOpen();
        var before = await EventCount();

        var refused = await PostRaw(Routes.For(Routes.Conferences, Process), "null", TestUsers.Chair, HttpStatusCode.BadRequest);

        Assert.Equal("A request body (JSON) is required, not null.", await NamedAlone(refused, "$"));
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task A_null_body_asking_for_a_token_is_a_400_naming_the_body()
    {
        var refused = await PostRaw(Routes.Tokens, "null", token: null, HttpStatusCode.BadRequest);

        Assert.Equal("A request body (JSON) is required, not null.", await NamedAlone(refused, "$"));
    }

    [Fact]
    public async Task A_null_invitee_is_a_400_naming_its_place_in_the_list_convening_nothing()
    {
        await RoundOneOpen();
        var before = await EventCount();

        var refused = await PostRaw(Routes.For(Routes.Conferences, Process), Convening($"[{Invitee("p1")},{Invitee("p2")},null]"),
            TestUsers.Chair, HttpStatusCode.BadRequest);

        Assert.Equal("A list cannot hold a null element.", await NamedAlone(refused, "invitees[2]"));
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task A_null_character_in_the_residence_address_is_a_400_filing_no_candidacy()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var dossier = JsonSerializer.SerializeToNode(ProcessDriver.Dossier("Nguyễn Thị Hoa", "001185000001"), JsonSerializerOptions.Web)!;
        dossier["residenceAddress"] = "Tổ 5\u0000, phường Nguyễn Thị Minh Khai";
        var before = await EventCount();

        var refused = await PostRaw(Routes.For(Routes.Candidacies, Process), dossier.ToJsonString(), TestUsers.ElectionClerk, HttpStatusCode.BadRequest);

        Assert.Contains("control character", await NamedAlone(refused, "residenceAddress"), StringComparison.Ordinal);
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task A_line_break_is_kept_in_a_note_but_refused_in_a_reference()
    {
        await Driver.Open("commune-council", "01834");
        var step = Routes.For(Routes.StepCompletion, Process, "structure-projected");
        var before = await EventCount();

        var refused = await Driver.Post(step, new { reference = "QĐ\n12", note = "Dòng một\r\n\tDòng hai" }, Driver.Acting(Process, StepKind.StructureProjection), HttpStatusCode.BadRequest);
        Assert.Equal(before, await EventCount());
        await Driver.Post(step, new { reference = "QĐ-12", note = "Dòng một\r\n\tDòng hai" }, Driver.Acting(Process, StepKind.StructureProjection));

        Assert.Contains("control character", await NamedAlone(refused, "reference"), StringComparison.Ordinal);
        Assert.True(await EventCount() > before, "the step with a multi-line note is completed");
    }

    [Fact]
    public async Task Text_over_the_default_bound_is_a_400()
    {
        await RoundOneOpen();
        var before = await EventCount();

        var tooLongPlace = await PostRaw(Routes.For(Routes.Conferences, Process), Convening($"[{Invitee("p1")}]", new string('x', RequestShape.DefaultMaximumLength + 1)),
            TestUsers.Chair, HttpStatusCode.BadRequest);

        Assert.Equal($"The text is too long ({RequestShape.DefaultMaximumLength} characters at most).", await NamedAlone(tooLongPlace, "place"));
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task A_validators_own_lower_bound_still_speaks()
    {
        await RoundOneOpen();
        var before = await EventCount();

        var tooLongReference = await Driver.Post(Routes.For(Routes.StepCompletion, Process, "structure-projected"), new { reference = new string('x', 201) },
            Driver.Acting(Process, StepKind.StructureProjection), HttpStatusCode.BadRequest);

        Assert.Equal("The reference is too long (200 characters at most).", await NamedAlone(tooLongReference, "reference"));
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task An_enum_sent_as_a_number_is_a_400_like_an_unknown_name()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var dossier = JsonSerializer.SerializeToNode(ProcessDriver.Dossier("Nguyễn Thị Hoa", "001185000001"), JsonSerializerOptions.Web)!;
        dossier["gender"] = 5;
        var before = await EventCount();

        var refused = await PostRaw(Routes.For(Routes.Candidacies, Process), dossier.ToJsonString(), TestUsers.ElectionClerk, HttpStatusCode.BadRequest);

        Assert.Equal("The value is of the wrong kind or not one of the allowed values.", await NamedAlone(refused, "gender"));
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task A_number_past_its_type_is_a_400_naming_the_field()
    {
        await RoundOneOpen();
        var before = await EventCount();

        var refused = await PostRaw(Routes.For(Routes.Conferences, Process), Convening($"[{Invitee("p1")}]").Replace("\"round\":1", "\"round\":99999999999", StringComparison.Ordinal),
            TestUsers.Chair, HttpStatusCode.BadRequest);

        Assert.Equal("The value is of the wrong kind or not one of the allowed values.", await NamedAlone(refused, "round"));
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task A_negative_expected_version_is_a_400()
    {
        await Driver.Open("commune-council", "01834");
        var before = await EventCount();

        var refused = await Driver.Post(Routes.For(Routes.Migrations, Process), new { toVersion = 1, dryRun = false, reason = "Thử", expectedVersion = -1 },
            TestUsers.Administrator, HttpStatusCode.BadRequest);

        Assert.Equal("The expected version cannot be negative.", await NamedAlone(refused, "expectedVersion"));
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task A_council_given_by_number_on_the_roll_up_is_a_400_listing_the_names()
    {
        var refused = await Get($"{Routes.For(Routes.QuotaRollup, "VN")}?council=-1", HttpStatusCode.BadRequest);

        var message = await NamedAlone(refused, "council");
        Assert.Contains("NationalAssemblyProvincial", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scope_that_is_no_defined_name_is_a_400()
    {
        await Driver.Open("commune-council", "01834");

        var byNumber = await Get($"{Routes.For(Routes.Quotas, Process)}?scope=7", HttpStatusCode.BadRequest);
        await Get($"{Routes.For(Routes.Quotas, Process)}?scope=official", HttpStatusCode.OK);

        Assert.Contains("Standing", await NamedAlone(byNumber, "scope"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_control_character_in_a_query_or_route_value_is_a_400_naming_the_parameter()
    {
        var inQuery = await Get($"{Routes.ConsultationProcesses}?termId=2021%002026", HttpStatusCode.BadRequest);
        var inRoute = await Get(Routes.For(Routes.ConsultationProcess, "2021-2026.commune-council.0\n1834"), HttpStatusCode.BadRequest);

        Assert.Contains("control character", await NamedAlone(inQuery, "termId"), StringComparison.Ordinal);
        Assert.Contains("control character", await NamedAlone(inRoute, "id"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_appending_nothing()
    {
        await RoundOneOpen();
        var before = await EventCount();
        var huge = Convening($"[{Invitee("p1")}]", new string('x', (int)RequestSize.DefaultMaximum));

        var refused = await Host.Scenario(s =>
        {
            s.Post.Text(huge).ToUrl(Routes.For(Routes.Conferences, Process));
            s.ConfigureHttpContext(context =>
            {
                context.Request.ContentType = "application/json";
                context.Request.ContentLength = Encoding.UTF8.GetByteCount(huge);
            });
            s.WithBearerToken(TestUsers.Chair);
            s.StatusCodeShouldBe(HttpStatusCode.RequestEntityTooLarge);
        });

        var problem = await refused.ThenRefused(RequestSize.Title);
        Assert.Contains("too large", problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await EventCount());
    }
}
