using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>
/// The inbox of a body in its unit: every open thing it must do, complaints to verify among them, filtered by council,
/// level and kind and ordered by due date, with nothing in it that names a candidate to whoever asks.
/// </summary>
public class Reading_the_inbox(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";
    private const string FrontInbox = Routes.Inbox + "?body=FrontStandingBoard&jurisdiction=01834";

    private ProcessDriver Driver => new(Host);

    /// <summary>A dossier filed and the voter conferences open, with a complaint about the candidate not yet verified.</summary>
    private async Task<string> AComplaintToVerify()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var candidacy = await Driver.File(Process, "Trần Thị Ánh", "001185000001");
        await Driver.OpenVoterConferences(Process);
        await Driver.Post(Routes.For(Routes.CandidacyComplaints, candidacy), new { complaintId = "k1", summary = "Kê khai tài sản", verifyingBody = "Ủy ban kiểm tra" },
            TestUsers.Clerk);
        return candidacy;
    }

    private async Task<List<JsonElement>> Items(string url) =>
        [.. (await Host.Read<JsonElement>(url)).GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task A_complaint_not_yet_verified_is_in_the_front_inbox_by_its_candidacy_without_the_candidates_name()
    {
        var candidacy = await AComplaintToVerify();

        var complaints = await Items($"{FrontInbox}&kind=complaint");

        var complaint = Assert.Single(complaints);
        Assert.Equal(candidacy, complaint.GetProperty("candidacyId").GetString());
        Assert.DoesNotContain("Ánh", complaint.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verified_complaint_leaves_the_inbox()
    {
        var candidacy = await AComplaintToVerify();

        await Driver.Post(Routes.For(Routes.CandidacyComplaintVerification, candidacy, "k1"), new { finding = "Đã kê khai bổ sung", substantiated = false }, TestUsers.Clerk);

        Assert.Empty(await Items($"{FrontInbox}&kind=complaint"));
    }

    [Fact]
    public async Task Filtered_by_kind_the_inbox_shows_only_that_kind()
    {
        await AComplaintToVerify();

        // The voter conferences' step waits for Ánh to be heard: blocked, beside the complaint.
        var blocked = await Items($"{FrontInbox}&kind=blocked");

        Assert.NotEmpty(blocked);
        Assert.All(blocked, item => Assert.Equal("blocked", item.GetProperty("kind").GetString()));
    }

    [Fact]
    public void Latest_first_orders_the_items_by_due_date_from_the_latest_and_undated_ones_last()
    {
        static InboxItem Due(string process, DateTimeOffset? at) =>
            new("open", process, "2021-2026", Terms.CouncilKind.CommuneCouncil, "01834", "s", new Common.BilingualText("s", "s"), [], at, false, [], []);
        var early = new DateTimeOffset(2021, 3, 1, 17, 0, 0, TimeSpan.FromHours(7));
        InboxItem[] items = [Due("b", early), Due("c", null), Due("a", early.AddDays(3))];

        Assert.Equal(["b", "a", "c"], new InboxFilter().Sorted(items).Select(item => item.ConsultationProcessId));
        Assert.Equal(["a", "b", "c"], new InboxFilter(Latest: true).Sorted(items).Select(item => item.ConsultationProcessId));
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_naming_the_field()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"{FrontInbox}&kind=urgent");
            s.WithBearerToken(TestUsers.Chair);
            s.StatusCodeShouldBe(HttpStatusCode.BadRequest);
        });

        Assert.Contains("kind", await result.ReadAsTextAsync(), StringComparison.Ordinal);
    }
}
