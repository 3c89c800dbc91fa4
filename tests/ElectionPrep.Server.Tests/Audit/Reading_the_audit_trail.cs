using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Marten;
using Marten.Events;

namespace ElectionPrep.Audit;

public class Reading_the_audit_trail(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";

    private ProcessDriver Driver => new(Host);

    private static string[] Active(JsonElement details) =>
        [.. details.GetProperty("steps").EnumerateArray().Where(s => s.GetProperty("status").GetString() == "Active").Select(s => s.GetProperty("stepId").GetString()!).Order()];

    /// <summary>The moment the last event was recorded: an as-of there sees everything so far and nothing later, without waiting on the clock.</summary>
    private async Task<DateTimeOffset> LastRecordedAsync()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().MaxAsync(e => e.Timestamp);
    }

    [Fact]
    public async Task A_process_rebuilt_as_of_a_moment_equals_what_was_observed_then()
    {
        await Driver.Open("commune-council", "01834");
        await Driver.Complete(Process, "structure-projected");
        var observed = await Driver.Details(Process);
        var moment = await LastRecordedAsync();
        await Driver.Complete(Process, "election-committee-formed");
        await Driver.HoldConference(Process, 1);

        var asOf = await Host.Read<JsonElement>($"{Routes.For(Routes.AuditProcessAsOf, Process)}?at={Uri.EscapeDataString(moment.ToString("O"))}");
        var now = await Driver.Details(Process);

        Assert.Equal(Active(observed), Active(asOf));
        Assert.Equal(observed.GetProperty("version").GetInt64(), asOf.GetProperty("version").GetInt64());
        Assert.NotEqual(Active(now), Active(asOf));

        var atSigning = await Host.Read<JsonElement>($"{Routes.For(Routes.AuditProcessAsOf, Process)}?milestone=minutes-signed:1");
        Assert.Contains("first-consultation", Active(atSigning));

        var diff = await Host.Read<JsonElement>($"{Routes.For(Routes.AuditProcessDiff, Process)}?from={Uri.EscapeDataString(moment.ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}");
        var steps = diff.GetProperty("steps").EnumerateArray().ToDictionary(step => step.GetProperty("stepId").GetString()!, step => (step.GetProperty("before").GetString(), step.GetProperty("after").GetString()));
        Assert.Equal(("Active", "Completed"), steps["first-consultation"]);
        Assert.Equal(("Active", "Completed"), steps["election-committee-formed"]);
        Assert.Contains(diff.GetProperty("changes").EnumerateArray(), change => change.GetProperty("type").GetString() == "step_completed" && change.GetProperty("userName").GetString() == "chu.tich");
    }

    [Fact]
    public async Task A_process_as_of_a_moment_written_with_a_plus_seven_offset_is_the_process_at_that_moment()
    {
        await CompleteStructureProjection();
        var moment = await LastRecordedAsync();
        await Driver.Complete(Process, "election-committee-formed");

        var inUtc = await Host.Read<JsonElement>($"{Routes.For(Routes.AuditProcessAsOf, Process)}?at={Uri.EscapeDataString(moment.ToUniversalTime().ToString("O"))}");
        var inVietnam = await Host.Read<JsonElement>($"{Routes.For(Routes.AuditProcessAsOf, Process)}?at={Uri.EscapeDataString(moment.ToOffset(TimeSpan.FromHours(7)).ToString("O"))}");

        Assert.Equal(inUtc.GetProperty("version").GetInt64(), inVietnam.GetProperty("version").GetInt64());
        Assert.Equal(Active(inUtc), Active(inVietnam));
    }

    [Fact]
    public async Task A_plus_seven_offset_typed_unescaped_in_the_address_is_read_as_the_offset()
    {
        await CompleteStructureProjection();
        var moment = await LastRecordedAsync();
        await Driver.Complete(Process, "election-committee-formed");

        // A '+' typed in an address arrives as a space.
        var typed = moment.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", System.Globalization.CultureInfo.InvariantCulture);
        var asOf = await Host.Read<JsonElement>($"{Routes.For(Routes.AuditProcessAsOf, Process)}?at={typed}");

        Assert.Equal(Active(await Host.Read<JsonElement>($"{Routes.For(Routes.AuditProcessAsOf, Process)}?at={Uri.EscapeDataString(moment.ToString("O"))}")), Active(asOf));
    }

    [Fact]
    public async Task An_as_of_moment_that_is_not_a_time_is_refused_naming_the_field_in_both_languages()
    {
        await CompleteStructureProjection();

        var refused = await Host.Scenario(s =>
        {
            s.Get.Url($"{Routes.For(Routes.AuditProcessAsOf, Process)}?at=09%2F03%2F2021%20s%C3%A1ng");
            s.WithBearerToken(TestUsers.Observer);
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });

        var problem = await refused.ReadAsJsonAsync<JsonElement>();
        Assert.Contains("thời điểm", problem.GetProperty("errors").GetProperty("at")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("time", problem.GetProperty("errorsEn").GetProperty("at")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_change_gives_the_time_of_its_decision_beside_the_time_it_was_recorded()
    {
        await Driver.Open("commune-council", "01834");

        var trail = await Host.Read<JsonElement[]>($"{Routes.For(Routes.AuditStreamEvents, Process)}?kind=consultation_process_opened");

        var opened = Assert.Single(trail!);
        Assert.Equal(AppFixture.Start, opened.GetProperty("decidedAt").GetDateTimeOffset());
        Assert.NotEqual(AppFixture.Start, opened.GetProperty("timestamp").GetDateTimeOffset());
    }

    private async Task CompleteStructureProjection()
    {
        await Driver.Open("commune-council", "01834");
        await Driver.Complete(Process, "structure-projected");
    }

    [Fact]
    public async Task Each_change_records_the_body_and_jurisdiction_the_actor_acts_for()
    {
        await CompleteStructureProjection();

        var trail = await Host.Read<JsonElement[]>($"{Routes.For(Routes.AuditStreamEvents, Process)}?kind=step_completed");
        await using var session = Store.QuerySession();
        var completed = (await session.Events.FetchStreamAsync(Process)).Single(e => e.EventTypeName == "step_completed");

        var entry = Assert.Single(trail!);
        Assert.Equal(("thu.ky.councilstandingbody", "Clerk", "CouncilStandingBody"), (entry.GetProperty("userName").GetString(), entry.GetProperty("roles").GetString(), entry.GetProperty("body").GetString()));
        Assert.Equal("Luật 85/2015/QH13, Điều 9 khoản 1", entry.GetProperty("legalBasis").GetString());
        Assert.Equal(("CouncilStandingBody", "01834"), (completed.Headers?["actor-body"]?.ToString(), completed.Headers?["actor-jurisdiction"]?.ToString()));
    }

    [Fact]
    public async Task The_csv_trail_filters_by_body_as_the_json_does()
    {
        await CompleteStructureProjection();

        var csv = await (await Host.Scenario(s =>
        {
            s.Get.Url($"{Routes.For(Routes.AuditStreamEventsCsv, Process)}?body=CouncilStandingBody");
            s.WithBearerToken(TestUsers.Observer);
        })).ReadAsTextAsync();

        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.Contains("step_completed", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quota_evaluation_is_rebuilt_as_it_stood_at_a_moment()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        await Driver.File(Process, "Trần Thị Ánh", "001185000001");
        var moment = await LastRecordedAsync();
        await Driver.File(Process, "Hoàng Văn An", "001085000003", gender: "Male");

        var then = await Host.Read<JsonElement>($"{Routes.For(Routes.AuditQuotasAsOf, Process)}?at={Uri.EscapeDataString(moment.ToString("O"))}");
        var now = await Host.Read<JsonElement>(Routes.For(Routes.Quotas, Process));

        static (int, int) Women(JsonElement report)
        {
            var women = report.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "council-women");
            return (women.GetProperty("count").GetInt32(), women.GetProperty("total").GetInt32());
        }

        Assert.Equal((1, 1), Women(then));
        Assert.Equal((1, 2), Women(now));
    }

    private async Task<string> FileACandidacy()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        return await Driver.File(Process, "Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ");
    }

    [Fact]
    public async Task The_trail_filters_by_actor_and_kind()
    {
        await FileACandidacy();

        var byClerk = await Host.Read<JsonElement[]>($"{Routes.For(Routes.AuditStreamEvents, Process)}?actor=thu.ky.councilstandingbody&kind=step_completed");

        Assert.Equal(["step_completed"], byClerk!.Select(e => e.GetProperty("type").GetString()).Distinct());
        Assert.All(byClerk!, e => Assert.Equal("thu.ky.councilstandingbody", e.GetProperty("userName").GetString()));
    }

    [Fact]
    public async Task The_trail_exports_csv_without_protected_data()
    {
        var candidacy = await FileACandidacy();

        var csv = await (await Host.Scenario(s => { s.Get.Url(Routes.For(Routes.AuditStreamEventsCsv, candidacy)); s.WithBearerToken(TestUsers.Observer); })).ReadAsTextAsync();

        Assert.StartsWith("sequence,version,type,timestamp,user,correlation_id,causation_id,roles,body,legal_basis,data", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("candidacy_filed", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("001185000001", csv, StringComparison.Ordinal);
    }
}
