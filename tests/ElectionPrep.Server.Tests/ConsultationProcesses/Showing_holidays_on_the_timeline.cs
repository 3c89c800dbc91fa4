using System.Text.Json;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Tết Bính Ngọ fell inside the 2026 calendar; round 3 was due on 20/2/2026, its last day, and stayed there.</summary>
public class Showing_holidays_on_the_timeline(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2026-2031.commune-council.01843";

    private ProcessDriver Driver => new(Host);

    [Fact]
    public async Task The_2026_calendar_names_Tet_and_keeps_round_three_on_it()
    {
        await Driver.Open("commune-council", "01843", "2026-2031");

        var details = await Driver.Details(Process);

        Assert.Equal(["tet-binh-ngo"], details.GetProperty("holidays").EnumerateArray().Select(holiday => holiday.GetProperty("id").GetString()));
        var roundThree = details.GetProperty("calendar").EnumerateArray().Single(entry => entry.GetProperty("stepId").GetString() == "third-consultation");
        Assert.Equal(("tet-binh-ngo", new DateTimeOffset(2026, 2, 20, 23, 59, 59, TimeSpan.FromHours(7)), JsonValueKind.Null),
            (roundThree.GetProperty("holiday").GetString(), roundThree.GetProperty("dueAt").GetDateTimeOffset(), roundThree.GetProperty("movedFrom").ValueKind));
    }

    [Fact]
    public async Task The_process_page_shades_Tet_and_says_the_deadline_stays()
    {
        await Driver.Open("commune-council", "01843", "2026-2031");
        await Host.Services.GetRequiredService<Accounts.Accounts>().CreateAsync("thu.ky.phuong", "mat-khau-du-dai-123", [ActorRole.Clerk],
            nameof(Body.FrontStandingBoard), "01843", CancellationToken.None);
        using var clerk = await PageSession.SignInAsync(Host, "thu.ky.phuong", "mat-khau-du-dai-123");

        var html = await clerk.PageAsync(Routes.For(Routes.ProcessPage, Process));

        Assert.Contains("<g class=\"holiday\">", html, StringComparison.Ordinal);
        Assert.Contains("Tết Nguyên đán Bính Ngọ", html, StringComparison.Ordinal);
        Assert.Contains("hạn trùng ngày nghỉ giữ nguyên", html, StringComparison.Ordinal);
    }
}
