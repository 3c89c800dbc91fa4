using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>
/// Deadlines driven by the server's clock: the test sets the clock just before a deadline, lets the durable timer
/// fire, and moves the clock past it. Opening a process in ward 01834 (Bắc Kạn City, 058) activates
/// "structure-projected", due 7 February 2021 at the end of the day (E−105), with reminders 7 and 2 days before.
/// </summary>
public class Keeping_legal_deadlines(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly DateTimeOffset Due = new(2021, 2, 7, 23, 59, 59, TimeSpan.FromHours(7));
    private const string Process = "2021-2026.commune-council.01834";

    private ProcessDriver Driver => new(Host);

    private async Task OpenOnTheEveOfTheReminder()
    {
        Clock.Now = Due.AddDays(-7).AddSeconds(-1);
        await Driver.Open("commune-council", "01834");
    }

    private Task<IReadOnlyList<int>> TheReminderDayComes()
    {
        Clock.Now = Due.AddDays(-7).AddSeconds(1);
        return Eventually.Until(() => RemindersSent("structure-projected"), sent => sent.Count > 0);
    }

    [Fact]
    public async Task A_reminder_is_recorded_when_its_day_comes()
    {
        await OpenOnTheEveOfTheReminder();
        Assert.Empty(await RemindersSent("structure-projected"));

        Assert.Equal([7], await TheReminderDayComes());
    }

    [Fact]
    public async Task A_reminder_recorded_is_shown_in_the_inbox()
    {
        await OpenOnTheEveOfTheReminder();
        await TheReminderDayComes();

        var inbox = await Host.Read<JsonElement>($"{Routes.Inbox}?body=CouncilStandingBody&jurisdiction=01834");

        var item = inbox.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("stepId").GetString() == "structure-projected");
        Assert.Equal([7], item.GetProperty("remindersSent").EnumerateArray().Select(days => days.GetInt32()));
        Assert.False(item.GetProperty("overdue").GetBoolean());
    }

    private async Task<IReadOnlyList<DeadlineMissed>> MissTheFirstDeadlines()
    {
        Clock.Now = Due.AddSeconds(-1);
        await Driver.Open("commune-council", "01834");
        Clock.Now = Due.AddSeconds(1);
        return await Eventually.Until(() => Events<DeadlineMissed>(), events => events.Count == 2);
    }

    [Fact]
    public async Task A_missed_deadline_is_recorded_as_escalated_to_the_Front_committee_one_level_up()
    {
        var missed = await MissTheFirstDeadlines();

        Assert.Equal(["election-committee-formed", "structure-projected"], missed.Select(e => e.StepId).Order());
        Assert.All(missed, e => Assert.Equal(("058", Due), (e.EscalatedTo, e.DueAt)));
    }

    [Fact]
    public async Task A_missed_deadline_is_overdue_in_the_inbox_of_the_body_that_missed_it()
    {
        await MissTheFirstDeadlines();

        var own = await Host.Read<JsonElement>($"{Routes.Inbox}?body=CouncilStandingBody&jurisdiction=01834");

        Assert.True(own.GetProperty("items")[0].GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task A_missed_deadline_reaches_the_inbox_of_the_Front_committee_one_level_up()
    {
        await MissTheFirstDeadlines();

        var above = await Host.Read<JsonElement>($"{Routes.Inbox}?body=FrontStandingBoard&jurisdiction=058");

        var escalations = above.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "escalation").ToList();
        Assert.Equal(["election-committee-formed", "structure-projected"], escalations.Select(i => i.GetProperty("stepId").GetString()).Order());
        Assert.All(escalations, i => Assert.Equal(Process, i.GetProperty("consultationProcessId").GetString()));
    }

    [Fact]
    public async Task A_completed_steps_timer_does_nothing()
    {
        Clock.Now = Due.AddSeconds(-1);
        await Driver.Open("commune-council", "01834");
        await Driver.Complete(Process, "structure-projected");
        await Driver.Complete(Process, "election-committee-formed");
        Clock.Now = Due.AddSeconds(1);

        await Eventually.TimersFired(Host);

        Assert.Empty(await Events<DeadlineMissed>());
        Assert.Empty(await Events<StepReminderSent>());
    }

    [Fact]
    public async Task The_inbox_shows_a_conference_step_blocked_by_its_gates()
    {
        await Driver.Open("commune-council", "01834");
        await Driver.Complete(Process, "structure-projected");

        var inbox = await Host.Read<JsonElement>($"{Routes.Inbox}?body=FrontStandingBoard&jurisdiction=01834&role=CommitteeChair");

        var item = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Equal(("blocked", "first-consultation"), (item.GetProperty("kind").GetString(), item.GetProperty("stepId").GetString()));
        Assert.Equal(["quorum-met", "decisions-recorded", "minutes-signed"],
            item.GetProperty("blockedBy").EnumerateArray().Select(gate => gate.GetProperty("gate").GetString()));
    }

    private async Task<IReadOnlyList<T>> Events<T>()
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(Process)).Select(e => e.Data).OfType<T>().ToList();
    }

    private async Task<IReadOnlyList<int>> RemindersSent(string stepId) =>
        (await Events<StepReminderSent>()).Where(e => e.StepId == stepId).Select(e => e.DaysBefore).Order().ToList();
}

public class Keeping_legal_deadlines_across_a_restart
{
    [Fact]
    public async Task A_timer_set_before_a_restart_fires_after_it()
    {
        var due = new DateTimeOffset(2021, 2, 7, 23, 59, 59, TimeSpan.FromHours(7));
        var database = new Dictionary<string, string> { ["ConnectionStrings:ElectionPrep"] = await TestDatabase.CreateDatabaseAsync("restart") };
        var clock = new TestClock(due.AddSeconds(-3));
        await using (var before = await ServerHost.StartAsync(database, clock))
        {
            await new ProcessDriver(before).Open("district-council", "061");
        }

        clock.Now = due.AddSeconds(1);
        await using var after = await ServerHost.StartAsync(database, clock);

        var missed = await Eventually.Until(async () =>
        {
            await using var session = after.Services.GetRequiredService<IDocumentStore>().QuerySession();
            return (await session.Events.FetchStreamAsync("2021-2026.district-council.061")).Select(e => e.Data).OfType<DeadlineMissed>().ToList();
        }, events => events.Count == 2, TimeSpan.FromSeconds(30));
        Assert.Equal(["election-committee-formed", "structure-projected"], missed.Select(e => e.StepId).Order());
        Assert.All(missed, e => Assert.Equal("06", e.EscalatedTo));
    }
}
