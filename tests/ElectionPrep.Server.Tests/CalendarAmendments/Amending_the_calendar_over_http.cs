using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.CalendarAmendments;

/// <summary>
/// Art. 98(3) on a 2026 commune process of Phường Bắc Kạn: the NEC moves "structure-projected" (E−105, 30/11/2025 at
/// the end of the day) a few seconds later, so the test clock can pass the old deadline, then the new one.
/// </summary>
public class Amending_the_calendar_over_http(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Term = "2026-2031";
    private const string Process = "2026-2031.commune-council.01843";
    private const string Reference = "NQ 12/NQ-HĐBCQG";
    private static readonly DateTimeOffset Original = new(2025, 11, 30, 23, 59, 59, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset Moved = Original.AddSeconds(4);
    private static readonly string ElectionCouncil = TestUsers.Of(Body.NationalElectionCouncil, ActorRole.Clerk, null);

    private ProcessDriver Driver => new(Host);

    private static object Amendment(string calendarStepId = "structure-projected", DateTimeOffset? dueAt = null, string reason = "Lùi thời hạn theo đề nghị của các địa phương") =>
        new { calendarStepId, dueAt = dueAt ?? Moved, reference = Reference, reason };

    private Task<IScenarioResult> Amend(object amendment, string? token = null, HttpStatusCode expected = HttpStatusCode.Created) =>
        Driver.Post(Routes.For(Routes.CalendarAmendments, Term), amendment, token ?? ElectionCouncil, expected);

    private async Task OpenAndAmendJustBeforeTheOriginalDeadline()
    {
        Clock.Now = Original.AddSeconds(-2);
        await Driver.Open("commune-council", "01843", Term);
        await Amend(Amendment());
    }

    private async Task<JsonElement> Step(string stepId) =>
        (await Driver.Details(Process)).GetProperty("steps").EnumerateArray().Single(step => step.GetProperty("stepId").GetString() == stepId);

    [Fact]
    public async Task An_amendment_moves_the_open_steps_deadline_and_keeps_the_original_beside_it()
    {
        await OpenAndAmendJustBeforeTheOriginalDeadline();

        var step = await Step("structure-projected");
        Assert.Equal(Moved, step.GetProperty("dueAt").GetDateTimeOffset());
        var amendment = step.GetProperty("amendment");
        Assert.Equal((Original, Reference), (amendment.GetProperty("originalDueAt").GetDateTimeOffset(), amendment.GetProperty("reference").GetString()));
    }

    [Fact]
    public async Task The_process_page_shows_the_original_date_beside_the_new_one_with_the_reference()
    {
        await OpenAndAmendJustBeforeTheOriginalDeadline();
        await Host.Services.GetRequiredService<Accounts.Accounts>().CreateAsync("thu.ky.phuong", "mat-khau-du-dai-123", [ActorRole.Clerk],
            nameof(Body.FrontStandingBoard), "01843", CancellationToken.None);
        using var clerk = await PageSession.SignInAsync(Host, "thu.ky.phuong", "mat-khau-du-dai-123");

        var html = await clerk.PageAsync(Routes.For(Routes.ProcessPage, Process));

        Assert.Contains("<del>23:59 30/11/2025</del>", html, StringComparison.Ordinal);
        Assert.Contains($"điều chỉnh theo {Reference}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timer_fires_at_the_new_deadline_not_the_original_one()
    {
        await OpenAndAmendJustBeforeTheOriginalDeadline();

        // The committee's deadline, not amended, was set with the same timers: once it is missed, the original timers have fired.
        Clock.Now = Original.AddSeconds(1);
        var missed = await Eventually.Until(() => Events<DeadlineMissed>(), events => events.Any(e => e.StepId == "election-committee-formed"));
        Assert.DoesNotContain(missed, e => e.StepId == "structure-projected");

        Clock.Now = Moved.AddSeconds(1);
        missed = await Eventually.Until(() => Events<DeadlineMissed>(), events => events.Any(e => e.StepId == "structure-projected"));
        Assert.Equal(Moved, missed.Single(e => e.StepId == "structure-projected").DueAt);
    }

    [Fact]
    public async Task A_step_opened_after_the_amendment_is_due_on_the_amended_date()
    {
        Clock.Now = Original.AddDays(-5);
        await Driver.Open("commune-council", "01843", Term);
        var moved = new DateTimeOffset(2025, 12, 12, 23, 59, 59, TimeSpan.FromHours(7));
        await Amend(Amendment("first-consultation", moved));

        await Driver.Complete(Process, "structure-projected");

        var step = await Step("first-consultation");
        Assert.Equal(("Active", moved), (step.GetProperty("status").GetString(), step.GetProperty("dueAt").GetDateTimeOffset()));
        Assert.Equal(new DateTimeOffset(2025, 12, 10, 23, 59, 59, TimeSpan.FromHours(7)), step.GetProperty("amendment").GetProperty("originalDueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_amendment_is_in_the_audit_trail_of_the_term_and_of_each_process_it_moved()
    {
        await OpenAndAmendJustBeforeTheOriginalDeadline();

        var ofTheTerm = await Host.Read<JsonElement[]>(Routes.For(Routes.AuditStreamEvents, AmendedCalendar.IdFor(Term)), TestUsers.NationalChair);
        var ofTheProcess = await Host.Read<JsonElement[]>(Routes.For(Routes.AuditStreamEvents, Process), TestUsers.NationalChair);

        var amended = Assert.Single(ofTheTerm);
        Assert.Equal(("calendar_step_amended", Reference), (amended.GetProperty("type").GetString(), amended.GetProperty("legalBasis").GetString()));
        Assert.Contains(ofTheProcess, entry => entry.GetProperty("type").GetString() == "step_deadline_amended"
            && entry.GetProperty("legalBasis").GetString() == Reference);
    }

    [Fact]
    public async Task An_amendment_for_another_council_kind_leaves_the_process_alone()
    {
        await Driver.Open("commune-council", "01843", Term);

        var report = await (await Amend(new { calendarStepId = "structure-projected", council = "provincial-council", dueAt = Moved, reference = Reference, reason = "Lùi hạn" }))
            .ReadAsJsonAsync<JsonElement>();

        Assert.Empty(report.GetProperty("affectedProcesses").EnumerateArray());
        Assert.Equal(Original, (await Step("structure-projected")).GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Another_body_is_refused_and_nothing_moves()
    {
        await Driver.Open("commune-council", "01843", Term);

        var refused = await Amend(Amendment(), TestUsers.NationalChair, HttpStatusCode.Forbidden);

        await refused.ThenRefused(Mandate.NotTheElectionCouncil);
        Assert.Equal(JsonValueKind.Null, (await Step("structure-projected")).GetProperty("amendment").ValueKind);
    }

    [Theory]
    [InlineData("reason")]
    [InlineData("reference")]
    [InlineData("dueAt")]
    public async Task A_request_without_a_required_field_is_a_400_naming_it(string field)
    {
        var body = new Dictionary<string, object?> { ["calendarStepId"] = "structure-projected", ["dueAt"] = Moved, ["reference"] = Reference, ["reason"] = "Lùi hạn" };
        body[field] = null;

        var result = await Amend(body, expected: HttpStatusCode.BadRequest);

        var problem = await result.ReadAsJsonAsync<JsonElement>();
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));
        Assert.Equal([field], problem.GetProperty("errorsEn").EnumerateObject().Select(error => error.Name));
    }

    [Fact]
    public async Task A_step_the_terms_calendar_does_not_have_is_refused_naming_the_steps_it_has()
    {
        var refused = await Amend(Amendment("fourth-consultation"), expected: HttpStatusCode.Conflict);

        var problem = await refused.ThenRefused(AmendCalendar.UnknownCalendarStep);
        Assert.Contains("third-consultation", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<T>> Events<T>()
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(Process)).Select(e => e.Data).OfType<T>().ToList();
    }
}
