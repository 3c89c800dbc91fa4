using System.Net;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.Pages;

/// <summary>Ward 01834's round 1 on its page: convened from a table of invitees in Vietnamese, and who came shown per person.</summary>
public class Holding_a_conference_on_its_page(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";
    private const string Password = "mat-khau-du-dai-123";
    private static readonly string ConferencePage = Routes.For(Routes.ConferencePage, ConsultationConference.IdFor(Process, 1));

    private ProcessDriver Driver => new(Host);

    private async Task<PageSession> ChairOfRoundOne()
    {
        await Driver.Open("commune-council", "01834");
        await Driver.Complete(Process, "structure-projected");
        await Host.Services.GetRequiredService<Accounts.Accounts>().CreateAsync("chu.tich", Password, [ActorRole.CommitteeChair], nameof(Body.FrontStandingBoard), "01834", CancellationToken.None);
        return await PageSession.SignInAsync(Host, "chu.tich", Password);
    }

    /// <summary>The conference page as round 1's chair sees it before convening.</summary>
    private async Task<string> ConveningForm()
    {
        using var chair = await ChairOfRoundOne();
        return await chair.PageAsync(ConferencePage);
    }

    [Fact]
    public async Task The_convening_form_offers_a_row_for_each_body_the_law_names()
    {
        var html = await ConveningForm();

        Assert.Contains("<option value=\"Hội Liên hiệp Phụ nữ\"></option>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"invitees[4].body\" list=\"conference-bodies\" value=\"Hội Liên hiệp Phụ nữ\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<textarea id=\"invitees\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_row_chooses_participant_or_guest_in_vietnamese()
    {
        var html = await ConveningForm();

        Assert.Contains("<option value=\"Participant\" selected=\"selected\">Triệu tập</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Guest\" selected=\"selected\">Khách mời</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Participant hoặc Guest", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_left_without_a_name_is_not_sent_and_another_can_be_added()
    {
        var html = await ConveningForm();

        Assert.Contains("name=\"invitees[0].id\" value=\"i1\" data-with=\"invitee-0-name\"", html, StringComparison.Ordinal);
        Assert.Contains("<template id=\"invitee-row\">", html, StringComparison.Ordinal);
        Assert.Contains("name=\"invitees[__i__].name\"", html, StringComparison.Ordinal);
        Assert.Contains("data-add-row=\"invitees\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rows_the_form_sends_convene_the_conference()
    {
        using var chair = await ChairOfRoundOne();

        var convened = await chair.PostAsync(ConferencePage, Routes.For(Routes.Conferences, Process), new
        {
            round = 1, scheduledAt = "2021-01-20T08:00:00+07:00", place = "Hội trường", chair = "Nguyễn Văn An",
            invitees = new object[]
            {
                new { id = "i1", name = "Nguyễn Văn An", body = "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam", role = "Chủ tịch", participation = "Participant" },
                new { id = "i8", name = "Đặng Văn Giang", body = "Ủy ban bầu cử", role = "Chủ tịch", participation = "Guest" },
            },
        });

        Assert.Equal(HttpStatusCode.Created, convened.StatusCode);
    }

    [Fact]
    public async Task The_attendance_table_shows_who_came_and_who_did_not()
    {
        using var chair = await ChairOfRoundOne();
        await Driver.HoldConference(Process, 1);

        var html = await chair.PageAsync(ConferencePage);

        Assert.Contains("<tr data-invitee=\"p6\" data-present=\"no\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>Vắng</td>", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-invitee=\"g1\" data-present=\"yes\">", html, StringComparison.Ordinal);
        Assert.Contains("Có mặt 5/6 người được triệu tập. Khách mời có mặt 1/1.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_attendance_is_taken_the_table_says_so()
    {
        using var chair = await ChairOfRoundOne();
        await Driver.Convene(Process, 1);

        var html = await chair.PageAsync(ConferencePage);

        Assert.Contains("<tr data-invitee=\"p1\" data-present=\"unknown\">", html, StringComparison.Ordinal);
        Assert.Contains("Chưa điểm danh", html, StringComparison.Ordinal);
    }
}
