using ElectionPrep.Workflows;
using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.CandidateLists;

/// <summary>
/// A commune council (ward 01834) with one constituency of 2 seats, which needs at least 3 candidates: two nominated
/// by the Women's Union (allocated 3 in round 1) and one self-nominee, from filing to the published official list.
/// </summary>
public class Building_a_candidate_list_over_http(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";
    private const string Women = "Hội Liên hiệp Phụ nữ";

    private ProcessDriver Driver => new(Host);

    private Task<Dictionary<string, string>> PublishedListOfThree() => Driver.PublishListOfThree(Process, Women);

    [Fact]
    public async Task The_official_list_prints_in_legal_order_for_anyone_signed_in()
    {
        await PublishedListOfThree();
        await Host.Services.GetRequiredService<Accounts.Accounts>().CreateAsync("giam.sat", "mat-khau-du-dai-123", [Workflows.ActorRole.Observer], null, null, CancellationToken.None);
        using var observer = await PageSession.SignInAsync(Host, "giam.sat", "mat-khau-du-dai-123");

        var html = await observer.PageAsync(Routes.For(Routes.OfficialListPage, Process));

        Assert.Contains("Số: NQ 25/NQ-UBBC", html, StringComparison.Ordinal);
        Assert.Contains("Đơn vị bầu cử: Đơn vị bầu cử số 1 · Mã đơn vị bầu cử: dv1 · Số đại biểu được bầu: 2", html, StringComparison.Ordinal);
        var order = new[] { "Hoàng Văn An", "Trần Thị Ánh", "Nguyễn Thị Bích" }.Select(name => html.IndexOf($"<td>{name}</td>", StringComparison.Ordinal)).ToList();
        Assert.True(order[0] > 0 && order[0] < order[1] && order[1] < order[2], $"legal order by given name: {string.Join(", ", order)}");
        Assert.DoesNotContain("001185000001", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"removal\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawal_recorded_from_the_print_view_takes_the_name_off_it()
    {
        var ids = await PublishedListOfThree();
        await Host.Services.GetRequiredService<Accounts.Accounts>().CreateAsync("thu.ky.xa", "mat-khau-du-dai-123", [Workflows.ActorRole.Clerk], "ElectionCommittee", "01834", CancellationToken.None);
        using var clerk = await PageSession.SignInAsync(Host, "thu.ky.xa", "mat-khau-du-dai-123");
        var page = Routes.For(Routes.OfficialListPage, Process);
        Assert.Contains("id=\"withdrawal\"", await clerk.PageAsync(page), StringComparison.Ordinal);

        var withdrawn = await clerk.PostAsync(page, Routes.For(Routes.Withdrawals, Process),
            new { candidacyId = ids["Hoàng Văn An"], decidingBody = "Ủy ban bầu cử", decisionReference = "QĐ 31/QĐ-UBBC" });

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var html = await clerk.PageAsync(page);
        Assert.DoesNotContain("<td>Hoàng Văn An</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Trần Thị Ánh</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_runs_from_nominations_to_the_published_official_list_in_legal_order()
    {
        var ids = await PublishedListOfThree();

        var list = await Host.Read<JsonElement>(Routes.For(Routes.CandidateList, Process));
        Assert.Equal("Official", list.GetProperty("stage").GetString());
        Assert.Equal(
            [ids["Hoàng Văn An"], ids["Trần Thị Ánh"], ids["Nguyễn Thị Bích"]],
            list.GetProperty("official")[0].GetProperty("candidacyIds").EnumerateArray().Select(id => id.GetString()));
        var constituency = list.GetProperty("constituencies")[0];
        Assert.Equal((3, 3, false), (constituency.GetProperty("candidates").GetInt32(), constituency.GetProperty("required").GetInt32(), constituency.GetProperty("belowMinimum").GetBoolean()));
        Assert.Equal(["lists-posted"], await Driver.ActiveSteps(Process));

        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var export = await Host.Scenario(s => s.Get.Url(Routes.For(Routes.OfficialListJson, Process)));
        var rows = await export.ReadAsJsonAsync<JsonElement>();
        Assert.Equal(["Hoàng Văn An", "Trần Thị Ánh", "Nguyễn Thị Bích"], rows.EnumerateArray().Select(row => row.GetProperty("fullName").GetString()));
        var checkpoint = export.Context.Response.Headers[OfficialListExport.CheckpointHeader].ToString().Split(' ');
        await using (var session = Store.QuerySession())
        {
            var published = (await session.Events.FetchStreamAsync(CandidateList.IdFor(Process))).Single(e => e.Data is OfficialListPublished);
            var proof = await Host.Read<Audit.InclusionProof>($"{Routes.For(Routes.AuditInclusionProof, published.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))}?treeSize={checkpoint[0]}");
            Assert.True(Audit.MerkleTree.VerifyInclusion(proof!.LeafIndex, proof.TreeSize, Convert.FromHexString(proof.LeafHash),
                proof.Path.Select(Convert.FromHexString).ToList(), Convert.FromHexString(checkpoint[1])));
        }

        Assert.Equal("Tự ứng cử", rows[0].GetProperty("nominatedBy").GetString());
        var csv = await (await Host.Scenario(s => s.Get.Url(Routes.For(Routes.OfficialListCsv, Process)))).ReadAsTextAsync();
        Assert.Contains("dv1,Đơn vị bầu cử số 1,2,1,Hoàng Văn An,1985-06-15,Nữ,Tày,Không,Phường Nguyễn Thị Minh Khai", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("0011850000", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Tổ 5", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("0011850000", rows.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_publication_a_removal_without_a_ground_is_refused_leaving_the_candidate_standing()
    {
        var ids = await PublishedListOfThree();

        var groundless = await Driver.Post(Routes.For(Routes.Removals, Process), new
        {
            candidacyId = ids["Nguyễn Thị Bích"], decidingBody = "Ủy ban bầu cử", decisionReference = "QĐ 29/QĐ-UBBC",
        }, TestUsers.ElectionClerk, HttpStatusCode.BadRequest);

        Assert.Equal("A ground for removal (Luật 85 Điều 60) is required.",
            (await groundless.ReadAsJsonAsync<JsonElement>()).GetProperty("errorsEn").GetProperty("ground")[0].GetString());
        Assert.Equal("Standing", (await Host.Read<JsonElement>(Routes.For(Routes.CandidateList, Process))).GetProperty("entries").EnumerateArray()
            .Single(entry => entry.GetProperty("candidacyId").GetString() == ids["Nguyễn Thị Bích"]).GetProperty("status").GetString());
    }

    /// <summary>Of the published three, Bích removed on a ground and An withdrawn by decision; returns the list as the withdrawal answered it.</summary>
    private async Task<(Dictionary<string, string> Ids, JsonElement List)> RemoveBichWithdrawAn()
    {
        var ids = await PublishedListOfThree();
        await Driver.Post(Routes.For(Routes.Removals, Process), new
        {
            candidacyId = ids["Nguyễn Thị Bích"], ground = "Bị khởi tố bị can (Luật 85 Điều 60)", decidingBody = "Ủy ban bầu cử", decisionReference = "QĐ 30/QĐ-UBBC",
        }, TestUsers.ElectionClerk);
        var after = await Driver.Post(Routes.For(Routes.Withdrawals, Process), new
        {
            candidacyId = ids["Hoàng Văn An"], decidingBody = "Ủy ban bầu cử", decisionReference = "QĐ 31/QĐ-UBBC",
        }, TestUsers.ElectionClerk);
        return (ids, await after.ReadAsJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task After_publication_a_removal_with_a_withdrawal_by_decision_flag_the_constituency_short()
    {
        var (_, list) = await RemoveBichWithdrawAn();

        var constituency = list.GetProperty("constituencies")[0];
        Assert.Equal((1, true), (constituency.GetProperty("candidates").GetInt32(), constituency.GetProperty("belowMinimum").GetBoolean()));
        Assert.Equal(["Standing", "Removed", "Withdrawn"],
            list.GetProperty("entries").EnumerateArray().Select(entry => entry.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task After_a_removal_with_a_withdrawal_the_official_list_holds_only_who_still_stands()
    {
        await RemoveBichWithdrawAn();

        var rows = await Host.Read<JsonElement>(Routes.For(Routes.OfficialListJson, Process));

        Assert.Equal(["Trần Thị Ánh"], rows.EnumerateArray().Select(row => row.GetProperty("fullName").GetString()));
    }

    [Fact]
    public async Task A_candidate_withdrawn_already_cannot_be_withdrawn_again()
    {
        var (ids, list) = await RemoveBichWithdrawAn();
        var version = list.GetProperty("version").GetInt64();

        var again = await Driver.Post(Routes.For(Routes.Withdrawals, Process), new
        {
            candidacyId = ids["Hoàng Văn An"], decidingBody = "Ủy ban bầu cử", decisionReference = "QĐ 32",
        }, TestUsers.ElectionClerk, HttpStatusCode.Conflict);

        await again.ThenRefused(ListRefusals.CandidateNotStanding);
        Assert.Equal(version, (await Host.Read<JsonElement>(Routes.For(Routes.CandidateList, Process))).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_body_nominating_beyond_its_allocation_is_refused()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        await Driver.File(Process, "Đoàn Thị Một", "001185000011", "Đoàn Thanh niên");
        await Driver.File(Process, "Đoàn Thị Hai", "001185000012", "Đoàn Thanh niên");

        var refused = await Driver.Post(Routes.For(Routes.Candidacies, Process), ProcessDriver.Dossier("Đoàn Thị Ba", "001185000013", "Đoàn Thanh niên"),
            TestUsers.ElectionClerk, HttpStatusCode.Conflict);

        await refused.ThenRefused(FileCandidacy.AllocationExceeded);
        var list = await Host.Read<JsonElement>(Routes.For(Routes.CandidateList, Process));
        Assert.Equal(2, list.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task A_bad_dossier_names_its_fields()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        await Driver.File(Process, "Đoàn Thị Một", "001185000011", "Đoàn Thanh niên");

        var invalid = await Driver.Post(Routes.For(Routes.Candidacies, Process), ProcessDriver.Dossier("Nguyễn Thị Lan", "12345", null, "99999"),
            TestUsers.ElectionClerk, HttpStatusCode.BadRequest);

        var problem = await invalid.ReadAsJsonAsync<JsonElement>();
        Assert.Equal(["citizenId", "residenceUnitCode"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal("The citizen ID number has 12 digits.", problem.GetProperty("errorsEn").GetProperty("citizenId")[0].GetString());
        var list = await Host.Read<JsonElement>(Routes.For(Routes.CandidateList, Process));
        Assert.Equal(1, list.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task A_half_filled_dossier_names_each_missing_field_instead_of_failing()
    {
        await Driver.OpenForDossiers("commune-council", "01834");

        var invalid = await Driver.Post(Routes.For(Routes.Candidacies, Process), new { fullName = "Hà Thị Thu Trang", residenceAddress = "Tổ 4", nomination = new { nominatingBody = "Hội Liên hiệp Phụ nữ" } },
            TestUsers.ElectionClerk, HttpStatusCode.BadRequest);

        var errors = (await invalid.ReadAsJsonAsync<JsonElement>()).GetProperty("errorsEn");
        Assert.Equal("The citizen ID number has 12 digits.", errors.GetProperty("citizenId")[0].GetString());
        Assert.Equal("Choose the gender.", errors.GetProperty("gender")[0].GetString());
        Assert.StartsWith("The dossier lacks: Application", errors.GetProperty("documents")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("The workplace voter conference's result is required.", errors.GetProperty("nomination.workplaceConference")[0].GetString());
        await using var session = Store.QuerySession();
        Assert.Equal(0, await session.Query<Candidacy>().CountAsync());
    }

    [Fact]
    public async Task A_dossier_after_17_00_on_the_deadline_day_is_refused_by_the_workflow_clock()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        Clock.Now = new DateTimeOffset(2021, 3, 14, 17, 0, 0, TimeSpan.FromHours(7));
        await Driver.File(Process, "Trần Thị Ánh", "001185000001", Women);

        Clock.Now = Clock.Now.AddMinutes(1);
        var late = await Driver.Post(Routes.For(Routes.Candidacies, Process), ProcessDriver.Dossier("Hoàng Văn An", "001085000003"), TestUsers.ElectionClerk, HttpStatusCode.Conflict);

        var problem = await late.ThenRefused(FileCandidacy.DeadlinePassed);
        Assert.Contains("2021-03-14 17:00 +07:00", problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
        Assert.Single((await Host.Read<JsonElement>(Routes.For(Routes.CandidateList, Process))).GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task Two_clerks_editing_the_list_at_once_the_later_gets_409_with_the_current_version()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var first = await Driver.File(Process, "Trần Thị Ánh", "001185000001", Women);
        var second = await Driver.File(Process, "Hoàng Văn An", "001085000003");
        await Driver.Post(Routes.For(Routes.Constituencies, Process), new
        {
            constituencies = new[] { new Constituency("dv1", "Đơn vị số 1", 2), new Constituency("dv2", "Đơn vị số 2", 2) }, decisionReference = "QĐ 12",
        }, TestUsers.ElectionClerk);
        var version = (await Host.Read<JsonElement>(Routes.For(Routes.CandidateList, Process))).GetProperty("version").GetInt64();

        await Driver.Post(Routes.For(Routes.Assignments, Process), new { candidacyId = first, constituencyId = "dv1", expectedVersion = version }, TestUsers.ElectionClerk);
        var lost = await Driver.Post(Routes.For(Routes.Assignments, Process), new { candidacyId = second, constituencyId = "dv2", expectedVersion = version },
            TestUsers.Of(Body.ElectionCommittee, ActorRole.CommitteeMember, TestUsers.Ward), HttpStatusCode.Conflict);

        var problem = await lost.ThenRefused(StaleVersions.Code);
        Assert.Equal(version + 1, problem.GetProperty("currentVersion").GetInt64());
        var list = await Host.Read<JsonElement>(Routes.For(Routes.CandidateList, Process));
        Assert.Equal(["dv1", null], list.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("constituencyId").GetString()));
    }

    /// <summary>Two candidates filed and heard; at a second conference the voters distrust An, a complaint against Ánh stays open; the voter-conference step is done.</summary>
    private async Task<(string Lan, string An)> AfterTheVoterConferences()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var lan = await Driver.File(Process, "Trần Thị Ánh", "001185000001", Women);
        var an = await Driver.File(Process, "Hoàng Văn An", "001085000003");
        foreach (var step in new[] { "structure-adjusted", "election-committee-formed", "constituencies-published", "nominations", "dossiers-filed" })
        {
            await Driver.Complete(Process, step);
        }

        await Driver.HoldConference(Process, 2);
        await Driver.HearEveryone(Process);
        await Driver.Post(Routes.For(Routes.CandidacyVoterConferences, an), new
        {
            kind = "Residence", heldOn = "2021-04-01", invited = 120, present = 90, trust = 40, distrust = 46, countingTeam = new[] { "Tổ trưởng" }, minutesReference = "BB-CT",
        }, TestUsers.Clerk);
        await Driver.Post(Routes.For(Routes.CandidacyComplaints, lan), new { complaintId = "k1", summary = "Kê khai tài sản", verifyingBody = "Ủy ban kiểm tra" }, TestUsers.Clerk);
        await Driver.Complete(Process, "voter-conferences");
        return (lan, an);
    }

    private async Task<Dictionary<string, JsonElement>> VerdictsAsync() =>
        (await Host.Read<JsonElement>(Routes.For(Routes.CandidateList, Process))).GetProperty("verdicts").EnumerateArray()
            .ToDictionary(v => v.GetProperty("candidacyId").GetString()!);

    [Fact]
    public async Task Round_three_sees_whom_the_voters_distrusted()
    {
        var (_, an) = await AfterTheVoterConferences();

        Assert.True((await VerdictsAsync())[an].GetProperty("distrusted").GetBoolean());
    }

    [Fact]
    public async Task Round_three_sees_the_complaints_still_open()
    {
        var (lan, _) = await AfterTheVoterConferences();

        Assert.Equal(["Kê khai tài sản"], (await VerdictsAsync())[lan].GetProperty("unresolvedComplaints").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Round_three_refuses_a_distrusted_candidate_listed_without_a_special_case()
    {
        var (lan, an) = await AfterTheVoterConferences();
        var conference = await Driver.Vote(Process, 3);

        var refused = await Driver.Post(Routes.For(Routes.ConferenceDecisions, conference),
            new { motionId = "ket-qua", candidates = new[] { new CandidateEntry(lan, "Trần Thị Ánh"), new CandidateEntry(an, "Hoàng Văn An") } },
            TestUsers.Clerk, HttpStatusCode.Conflict);

        await refused.ThenRefused(ListRefusals.DistrustedWithoutSpecialCase);
        Assert.Equal(JsonValueKind.Null, (await Host.Read<JsonElement>(Routes.For(Routes.Conference, conference))).GetProperty("decisions").ValueKind);
    }

    [Fact]
    public async Task Round_three_keeps_a_distrusted_candidate_as_a_special_case_with_its_reason()
    {
        var (lan, an) = await AfterTheVoterConferences();
        var conference = await Driver.Vote(Process, 3);

        await Driver.Post(Routes.For(Routes.ConferenceDecisions, conference), new
        {
            motionId = "ket-qua",
            candidates = new[] { new CandidateEntry(lan, "Trần Thị Ánh"), new CandidateEntry(an, "Hoàng Văn An") },
            specialCases = new[] { new SpecialCase(an, "Ý kiến cử tri đã được xác minh là không có cơ sở") },
        }, TestUsers.Clerk);

        var recorded = await Host.Read<JsonElement>(Routes.For(Routes.Conference, conference));
        Assert.Equal(an, recorded.GetProperty("decisions").GetProperty("specialCases")[0].GetProperty("candidacyId").GetString());
    }

    [Fact]
    public async Task Observers_read_the_public_dossier_but_not_the_protected_data()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var id = await Driver.File(Process, "Trần Thị Ánh", "001185000001", Women);

        var publicView = await Host.Read<JsonElement>(Routes.For(Routes.Candidacy, id));
        await Host.Scenario(s =>
        {
            s.Get.Url(Routes.For(Routes.CandidacyProtectedData, id));
            s.WithBearerToken(TestUsers.Observer);
            s.StatusCodeShouldBe(HttpStatusCode.Forbidden);
        });
        var protectedView = await Host.Scenario(s =>
        {
            s.Get.Url(Routes.For(Routes.CandidacyProtectedData, id));
            s.WithBearerToken(TestUsers.Clerk);
        });

        Assert.DoesNotContain("001185000001", publicView.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Tổ 5", publicView.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("001185000001", (await protectedView.ReadAsJsonAsync<JsonElement>()).GetProperty("citizenId").GetString());
    }

    [Fact]
    public async Task A_documents_file_name_is_kept_with_the_protected_data()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var id = await Driver.File(Process, "Trần Thị Ánh", "001185000001", Women);

        var protectedNames = (await Host.Read<JsonElement>(Routes.For(Routes.CandidacyProtectedData, id), TestUsers.Clerk)).GetProperty("documentFileNames");

        Assert.Equal("001185000001-Application.pdf", protectedNames.GetProperty("Application").GetString());
    }

    [Fact]
    public async Task A_public_document_keeps_no_file_name()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var id = await Driver.File(Process, "Trần Thị Ánh", "001185000001", Women);

        var publicDocument = (await Host.Read<JsonElement>(Routes.For(Routes.Candidacy, id))).GetProperty("dossier").GetProperty("documents")[0];

        Assert.Equal(["kind", "sha256"], publicDocument.EnumerateObject().Select(member => member.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_protected_data_is_never_kept_by_a_cache()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var id = await Driver.File(Process, "Trần Thị Ánh", "001185000001", Women);

        var protectedView = await Host.Scenario(s =>
        {
            s.Get.Url(Routes.For(Routes.CandidacyProtectedData, id));
            s.WithBearerToken(TestUsers.Clerk);
        });

        Assert.Equal("no-store", protectedView.Context.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task A_multiple_candidacy_found_late_strikes_the_person_from_every_list()
    {
        var assembly = await Driver.OpenForDossiers("national-assembly-provincial", "06");
        var province = await Driver.OpenForDossiers("provincial-council", "06");
        var district = await Driver.OpenForDossiers("district-council", "061");
        var inAssembly = await Driver.File(assembly, "Lý Thị Mai", "001185000777");
        var inProvince = await Driver.File(province, "Lý Thị Mai", "001185000777");
        await Driver.File(district, "Lý Thị Mai", "001185000777", workplace: "01888", expected: HttpStatusCode.Conflict);
        await using (var session = Store.QuerySession())
        {
            Assert.Equal(0, await session.Query<Candidacy>().CountAsync(candidacy => candidacy.ConsultationProcessId == district));
        }

        var typo = await Driver.File(district, "Lý Thị Mai", "001185000778", workplace: "01888");

        var corrected = await Driver.Post(Routes.For(Routes.CandidacyCitizenId, typo), new { citizenId = "001185000777", residenceAddress = "Tổ 5" },
            Driver.Acting(district, StepKind.DossierWindow));

        Assert.Equal("Struck", (await corrected.ReadAsJsonAsync<JsonElement>()).GetProperty("status").GetString());
        foreach (var (process, candidacy) in new[] { (assembly, inAssembly), (province, inProvince), (district, typo) })
        {
            var view = await Host.Read<JsonElement>(Routes.For(Routes.Candidacy, candidacy));
            Assert.Equal(("Struck", "multiple-candidacy"), (view.GetProperty("status").GetString(), view.GetProperty("struckForRule").GetString()));
            var list = await Host.Read<JsonElement>(Routes.For(Routes.CandidateList, process));
            Assert.Equal("Struck", list.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("candidacyId").GetString() == candidacy).GetProperty("status").GetString());
        }
    }
}
