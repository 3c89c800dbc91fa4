using System.Net;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.Pages;

/// <summary>Each page rendered from the real server for a signed-in person, and the pages' way of acting: JSON to the API with the page's token.</summary>
public class Working_through_the_pages(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";
    private const string Password = "mat-khau-du-dai-123";

    private ProcessDriver Driver => new(Host);

    private async Task<PageSession> SignedIn(string name, ActorRole role, string? jurisdiction = "01834", Body body = Body.FrontStandingBoard)
    {
        await Host.Services.GetRequiredService<ElectionPrep.Accounts.Accounts>().CreateAsync(name, Password, [role], body.ToString(), jurisdiction, CancellationToken.None);
        return await PageSession.SignInAsync(Host, name, Password);
    }

    private static readonly string StructureProjection = Routes.For(Routes.StepCompletion, Process, "structure-projected");

    private async Task<PageSession> ClerkOfAnOpenProcess(Body body = Body.CouncilStandingBody)
    {
        await Driver.Open("commune-council", "01834");
        return await SignedIn("thu.ky.xa", ActorRole.Clerk, body: body);
    }

    [Fact]
    public async Task The_process_page_draws_the_timeline_saying_what_is_open()
    {
        using var clerk = await ClerkOfAnOpenProcess();

        var html = await clerk.PageAsync(Routes.For(Routes.ProcessPage, Process));

        Assert.Contains("<svg role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("Hạn 23:59 07/02/2021", html, StringComparison.Ordinal);
        Assert.Contains($"data-api=\"{StructureProjection}\"", html, StringComparison.Ordinal);
        Assert.Contains("Đang mở", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_process_page_offers_an_observer_no_action()
    {
        await Driver.Open("commune-council", "01834");
        using var observer = await SignedIn("giam.sat", ActorRole.Observer, null);

        var html = await observer.PageAsync(Routes.For(Routes.ProcessPage, Process));

        Assert.DoesNotContain(StructureProjection, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_processes_page_lists_each_process_with_its_open_steps()
    {
        using var clerk = await ClerkOfAnOpenProcess();
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var list = await clerk.PageAsync(Routes.ProcessesPage);

        Assert.Contains(">Phường Nguyễn Thị Minh Khai</a>", list, StringComparison.Ordinal);
        Assert.Contains("Thường trực HĐND dự kiến cơ cấu", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_process_page_names_the_processs_term()
    {
        using var clerk = await ClerkOfAnOpenProcess();

        var html = await clerk.PageAsync(Routes.For(Routes.ProcessPage, Process));

        Assert.Contains("<strong id=\"term-name\">Bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021–2026</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_processes_page_names_each_processs_term_filters_by_term_and_opens_in_a_picked_term()
    {
        using var clerk = await ClerkOfAnOpenProcess();
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var all = await clerk.PageAsync(Routes.ProcessesPage);
        var later = await clerk.PageAsync(Routes.ProcessesPage + "?term=2026-2031");

        Assert.Contains("<td>Bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021–2026</td>", all, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2026-2031\">Bầu cử đại biểu Quốc hội khóa XVI", all, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2021-2026\">Bầu cử đại biểu Quốc hội khóa XV ", all, StringComparison.Ordinal);
        Assert.DoesNotContain(">Phường Nguyễn Thị Minh Khai</a>", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_the_pages_token_changes_nothing()
    {
        using var clerk = await ClerkOfAnOpenProcess();

        var forged = await clerk.PostAsync(Routes.For(Routes.ProcessPage, Process), StructureProjection, new { reference = "QĐ-01" }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("antiforgery", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("structure-projected", await Driver.ActiveSteps(Process));
    }

    [Fact]
    public async Task A_form_posted_with_the_pages_token_acts_as_the_signed_in_clerk()
    {
        using var clerk = await ClerkOfAnOpenProcess();

        var done = await clerk.PostAsync(Routes.For(Routes.ProcessPage, Process), StructureProjection, new { reference = "QĐ-01" });

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.DoesNotContain("structure-projected", await Driver.ActiveSteps(Process));
        await using var session = Store.QuerySession();
        var completed = (await session.Events.FetchStreamAsync(Process)).Single(e => e.Data is ConsultationProcesses.StepCompleted);
        Assert.Equal("thu.ky.xa", completed.UserName);
    }

    [Fact]
    public async Task Vietnamese_is_the_default_language()
    {
        using var clerk = await ClerkOfAnOpenProcess(Body.FrontStandingBoard);

        var vietnamese = await clerk.PageAsync(Routes.Dashboard);

        Assert.Contains("<html lang=\"vi\">", vietnamese, StringComparison.Ordinal);
        Assert.Contains("Xin chào, thu.ky.xa", vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_is_a_switch_away()
    {
        using var clerk = await ClerkOfAnOpenProcess(Body.FrontStandingBoard);

        await clerk.GetAsync($"{Routes.For(Routes.LanguageSwitch, "en-GB")}?returnUrl={Routes.Dashboard}");

        var english = await clerk.PageAsync(Routes.Dashboard);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Welcome, thu.ky.xa", english, StringComparison.Ordinal);
        Assert.Contains("Clerk", english, StringComparison.Ordinal);
    }

    /// <summary>Two dossiers filed in the ward, a woman's first; returns the process and her candidacy.</summary>
    private async Task<(string Process, string Woman)> TwoDossiersFiled()
    {
        var id = await Driver.OpenForDossiers("commune-council", "01834");
        var woman = await Driver.File(id, "Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ");
        await Driver.File(id, "Nguyễn Văn Bình", "001185000002", gender: "Male");
        return (id, woman);
    }

    [Fact]
    public async Task The_candidates_page_lists_candidates_by_given_name()
    {
        var (id, _) = await TwoDossiersFiled();
        using var clerk = await SignedIn("thu.ky.xa", ActorRole.Clerk);

        var candidates = await clerk.PageAsync(Routes.For(Routes.CandidatesPage, id));

        Assert.True(candidates.IndexOf("Trần Thị Ánh", StringComparison.Ordinal) < candidates.IndexOf("Nguyễn Văn Bình", StringComparison.Ordinal), "Ánh before Bình: by given name");
    }

    [Fact]
    public async Task The_candidacy_page_shows_the_dossier_with_its_voter_conference_form()
    {
        var (_, woman) = await TwoDossiersFiled();
        using var clerk = await SignedIn("thu.ky.xa", ActorRole.Clerk);

        var candidacy = await clerk.PageAsync(Routes.For(Routes.CandidacyPage, woman));

        Assert.Contains("Sơ yếu lý lịch có chứng thực", candidacy, StringComparison.Ordinal);
        Assert.Contains($"data-api=\"{Routes.For(Routes.CandidacyVoterConferences, woman)}\"", candidacy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_builder_shows_the_quota_rules()
    {
        var (id, _) = await TwoDossiersFiled();
        using var clerk = await SignedIn("thu.ky.xa", ActorRole.Clerk);

        Assert.Contains("data-rule=", await clerk.PageAsync(Routes.For(Routes.ListBuilderPage, id)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_conference_page_shows_its_signed_minutes()
    {
        var (id, _) = await TwoDossiersFiled();
        using var clerk = await SignedIn("thu.ky.xa", ActorRole.Clerk);

        Assert.Contains("Biên bản số BB-1/MTTQ", await clerk.PageAsync(Routes.For(Routes.ConferencePage, $"{id}.round-1")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_new_dossier_form_offers_the_nominating_bodies()
    {
        var (id, _) = await TwoDossiersFiled();
        using var electionClerk = await SignedIn("thu.ky.ubbc", ActorRole.Clerk, body: Body.ElectionCommittee);

        Assert.Contains("<option value=\"Hội Liên hiệp Phụ nữ\">", await electionClerk.PageAsync(Routes.For(Routes.NewDossierPage, id)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_publishing_the_constituencies_the_list_builder_offers_to_place_the_candidates_in_one_submit()
    {
        var id = await Driver.OpenForDossiers("commune-council", "01834");
        var candidacy = await Driver.File(id, "Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ");
        await Driver.Complete(id, "election-committee-formed");
        using var clerk = await SignedIn("thu.ky.xa", ActorRole.Clerk, body: Body.ElectionCommittee);
        var page = Routes.For(Routes.ListBuilderPage, id);
        Assert.Contains("id=\"constituencies\"", await clerk.PageAsync(page), StringComparison.Ordinal);

        var published = await clerk.PostAsync(page, Routes.For(Routes.Constituencies, id), new
        {
            constituencies = new[] { new { id = "dv1", name = "Đơn vị bầu cử số 1", seats = 2 } }, decisionReference = "NQ 03/NQ-UBBC", expectedVersion = 1,
        });

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var html = await clerk.PageAsync(page);
        Assert.DoesNotContain("id=\"constituencies\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"assignments\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"constituency-{candidacy}\" form=\"assignments\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Candidates_placed_from_the_list_builder_in_one_submit_are_then_offered_a_move()
    {
        var id = await Driver.OpenForDossiers("commune-council", "01834");
        var anh = await Driver.File(id, "Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ");
        var an = await Driver.File(id, "Hoàng Văn An", "001085000003");
        await Driver.PublishConstituencies(id);
        using var clerk = await SignedIn("thu.ky.xa", ActorRole.Clerk, body: Body.ElectionCommittee);
        var page = Routes.For(Routes.ListBuilderPage, id);

        var placed = await clerk.PostAsync(page, Routes.For(Routes.AssignmentBatches, id),
            new { assignments = new[] { new { candidacyId = anh, constituencyId = "dv1" }, new { candidacyId = an, constituencyId = "dv1" } } });

        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        var html = await clerk.PageAsync(page);
        Assert.DoesNotContain("id=\"assignments\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"assign-{an}\"", html, StringComparison.Ordinal);
    }

    /// <summary>Files a dossier and records a complaint against it from its page; returns the candidacy.</summary>
    private async Task<string> RecordAComplaintFromTheCandidacyPage(PageSession clerk)
    {
        var id = await Driver.OpenForDossiers("commune-council", "01834");
        var candidacy = await Driver.File(id, "Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ");
        var recorded = await clerk.PostAsync(Routes.For(Routes.CandidacyPage, candidacy), Routes.For(Routes.CandidacyComplaints, candidacy),
            new { complaintId = "vv-01", summary = "Cử tri phản ánh kê khai tài sản chưa đủ", verifyingBody = "Ủy ban kiểm tra" });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        return candidacy;
    }

    [Fact]
    public async Task A_complaint_recorded_from_the_candidacy_page_awaits_verification_there()
    {
        using var clerk = await SignedIn("thu.ky.xa", ActorRole.Clerk);

        var candidacy = await RecordAComplaintFromTheCandidacyPage(clerk);

        Assert.Contains("id=\"verify-vv-01\"", await clerk.PageAsync(Routes.For(Routes.CandidacyPage, candidacy)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_lists_a_complaint_to_verify_by_the_candidates_name_linked_to_the_candidacy()
    {
        using var clerk = await SignedIn("thu.ky.xa", ActorRole.Clerk);
        var candidacy = await RecordAComplaintFromTheCandidacyPage(clerk);

        var dashboard = await clerk.PageAsync($"{Routes.Dashboard}?kind=complaint");

        Assert.Contains($"<a href=\"{Routes.For(Routes.CandidacyPage, candidacy)}\">Xác minh vụ việc về ", dashboard, StringComparison.Ordinal);
        Assert.Contains("Cử tri phản ánh kê khai tài sản chưa đủ", dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboards_rollup_rows_lead_to_the_processes_of_their_level()
    {
        using var clerk = await ClerkOfAnOpenProcess();
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var dashboard = await clerk.PageAsync(Routes.Dashboard);
        var communes = await clerk.PageAsync($"{Routes.ProcessesPage}?level=Commune");
        var provinces = await clerk.PageAsync($"{Routes.ProcessesPage}?level=Province");

        Assert.Contains($"<a href=\"{Routes.ProcessesPage}?term=2021-2026&amp;level=Commune\">", dashboard, StringComparison.Ordinal);
        Assert.Contains(">Phường Nguyễn Thị Minh Khai</a>", communes, StringComparison.Ordinal);
        Assert.DoesNotContain(">Phường Nguyễn Thị Minh Khai</a>", provinces, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_verified_from_the_candidacy_page_shows_its_finding()
    {
        using var clerk = await SignedIn("thu.ky.xa", ActorRole.Clerk);
        var candidacy = await RecordAComplaintFromTheCandidacyPage(clerk);
        var page = Routes.For(Routes.CandidacyPage, candidacy);

        var verified = await clerk.PostAsync(page, Routes.For(Routes.CandidacyComplaintVerification, candidacy, "vv-01"),
            new { finding = "Đã kê khai bổ sung, đúng quy định", substantiated = false });

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var html = await clerk.PageAsync(page);
        Assert.Contains("Đã kê khai bổ sung, đúng quy định (không có cơ sở)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"verify-vv-01\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_protected_data_page_is_never_kept_by_a_cache()
    {
        var id = await Driver.OpenForDossiers("commune-council", "01834");
        var candidacy = await Driver.File(id, "Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ");
        using var clerk = await SignedIn("thu.ky.xa", ActorRole.Clerk);

        var page = await clerk.GetAsync(Routes.For(Routes.CandidacyProtectedDataPage, candidacy));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("001185000001", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(page.Headers.CacheControl?.NoStore, $"Cache-Control: {page.Headers.CacheControl}");
    }

    [Fact]
    public async Task An_observer_reads_the_audit_timeline_with_verified_proofs_but_not_protected_data()
    {
        var id = await Driver.OpenForDossiers("commune-council", "01834");
        var candidacy = await Driver.File(id, "Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        using var observer = await SignedIn("giam.sat", ActorRole.Observer, null);

        var timeline = await Eventually.Until(async () => await observer.PageAsync(Routes.For(Routes.AuditTrailPage, $"{id}.round-1")), html => html.Contains("Đã xác minh", StringComparison.Ordinal));
        var protectedPage = await observer.GetAsync(Routes.For(Routes.CandidacyProtectedDataPage, candidacy));

        Assert.Contains("data-type=\"minutes_signed\"", timeline, StringComparison.Ordinal);
        Assert.Contains("<td class=\"what\">Ký biên bản", timeline, StringComparison.Ordinal);
        Assert.Contains("Đã xác minh", timeline, StringComparison.Ordinal);
        Assert.Contains(Routes.AuditProofPage.Replace("{sequence}", "", StringComparison.Ordinal), timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("KHÔNG KHỚP", timeline, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, protectedPage.StatusCode);
        Assert.Equal(Routes.AccessDenied, new Uri(new Uri("http://localhost"), protectedPage.Headers.Location!).AbsolutePath);
        Assert.DoesNotContain("001185000001", await observer.PageAsync(Routes.For(Routes.CandidacyPage, candidacy)), StringComparison.Ordinal);
    }
}

public class Naming_what_the_pages_show
{
    public static TheoryData<Enum> Values => [.. new[] { typeof(ActorRole), typeof(Body), typeof(Terms.UnitLevel), typeof(Terms.CouncilKind) }.SelectMany(type => Enum.GetValues(type).Cast<Enum>())];

    [Theory]
    [MemberData(nameof(Values))]
    public void Every_role_body_level_and_council_has_a_vietnamese_name(Enum value) =>
        Assert.NotEqual(value.ToString(), Names.Of(value));
}
