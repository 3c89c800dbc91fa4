using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.CandidateLists;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using Marten;
using Marten.Events;

namespace ElectionPrep.Quotas;

/// <summary>
/// A commune council list of three with one woman (33%, short of 35%): the committee sees it before round 3, tries a
/// swap, is blocked at publication and publishes after the conference's recorded override.
/// </summary>
public class Checking_quotas_over_http(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";

    private ProcessDriver Driver => new(Host);

    private async Task<Dictionary<string, string>> ListWithOneWomanReadyToPublish()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var ids = new Dictionary<string, string>
        {
            ["Ánh"] = await Driver.File(Process, "Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ"),
            ["An"] = await Driver.File(Process, "Hoàng Văn An", "001085000003", gender: "Male"),
            ["Bình"] = await Driver.File(Process, "Lê Văn Bình", "001085000004", gender: "Male"),
        };
        foreach (var step in new[] { "structure-adjusted", "election-committee-formed" }) await Driver.Complete(Process, step);
        await Driver.Post(Routes.For(Routes.Constituencies, Process), new { constituencies = new[] { new Constituency("dv1", "Đơn vị số 1", 2) }, decisionReference = "QĐ 12" }, TestUsers.ElectionClerk);
        foreach (var step in new[] { "constituencies-published", "nominations", "dossiers-filed" }) await Driver.Complete(Process, step);
        await Driver.HoldConference(Process, 2);
        await Driver.HearEveryone(Process);
        await Driver.Complete(Process, "voter-conferences");
        await Driver.HoldConference(Process, 3);
        await Driver.Complete(Process, "minutes-sent");
        foreach (var id in ids.Values) await Driver.Post(Routes.For(Routes.Assignments, Process), new { candidacyId = id, constituencyId = "dv1" }, TestUsers.ElectionClerk);
        return ids;
    }

    private static JsonElement Result(JsonElement report, string ruleId) =>
        report.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == ruleId);

    /// <summary>What if Bình gave way to a woman: the swap that meets the women's quota.</summary>
    private Task<IScenarioResult> WhatIfAWomanReplacesBinh(Dictionary<string, string> ids) =>
        Driver.Post(Routes.For(Routes.QuotaWhatIf, Process), new
        {
            scope = "Qualified",
            swap = new[] { new { @out = ids["Bình"], @in = new { candidacyId = "hypothetical", fullName = "Nguyễn Thị Cúc", constituencyId = "dv1", attributes = new[] { "woman" } } } },
        }, TestUsers.Clerk);

    [Fact]
    public async Task The_evaluation_explains_how_many_more_a_failing_rule_needs()
    {
        var ids = await ListWithOneWomanReadyToPublish();

        var report = await Host.Read<JsonElement>($"{Routes.For(Routes.Quotas, Process)}?scope=Qualified");

        var women = Result(report, "council-women");
        Assert.Equal(("Fail", 1, 3, 1), (women.GetProperty("outcome").GetString(), women.GetProperty("count").GetInt32(), women.GetProperty("total").GetInt32(), women.GetProperty("shortfall").GetInt32()));
        Assert.Equal([ids["Ánh"]], women.GetProperty("counted").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("1 more needed (Women at least 35% of the official list).", women.GetProperty("explanation").GetProperty("en").GetString());
        var perConstituency = Result(report, "council-woman-per-constituency");
        Assert.Equal(("dv1", "Pass"), (perConstituency.GetProperty("constituencyId").GetString(), perConstituency.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task A_what_if_shows_the_swap_that_meets_a_failing_rule()
    {
        var ids = await ListWithOneWomanReadyToPublish();

        var whatIf = await WhatIfAWomanReplacesBinh(ids);

        var delta = (await whatIf.ReadAsJsonAsync<JsonElement>()).GetProperty("deltas").EnumerateArray().Single(d => d.GetProperty("ruleId").GetString() == "council-women");
        Assert.Equal(("Fail", "Pass", 1), (delta.GetProperty("before").GetString(), delta.GetProperty("after").GetString(), delta.GetProperty("countChange").GetInt32()));
    }

    [Fact]
    public async Task A_what_if_leaves_the_evaluation_as_it_was()
    {
        var ids = await ListWithOneWomanReadyToPublish();

        await WhatIfAWomanReplacesBinh(ids);

        var unchanged = await Host.Read<JsonElement>($"{Routes.For(Routes.Quotas, Process)}?scope=Qualified");
        Assert.Equal(3, unchanged.GetProperty("candidates").GetInt32());
        var womenStill = Result(unchanged, "council-women");
        Assert.Equal(("Fail", 1), (womenStill.GetProperty("outcome").GetString(), womenStill.GetProperty("count").GetInt32()));
        Assert.Equal([ids["Ánh"]], womenStill.GetProperty("counted").EnumerateArray().Select(c => c.GetString()));
        var preliminary = await Host.Read<JsonElement>($"{Routes.For(Routes.Quotas, Process)}?scope=Preliminary");
        Assert.Equal(3, preliminary.GetProperty("candidates").GetInt32());
    }

    [Fact]
    public async Task An_incomplete_what_if_is_a_400_naming_each_missing_field()
    {
        var ids = await ListWithOneWomanReadyToPublish();

        var incomplete = await Driver.Post(Routes.For(Routes.QuotaWhatIf, Process), new
        {
            scope = "Qualified",
            swap = new[] { new { @out = ids["Bình"] } },
            add = new[] { new { candidacyId = "x", fullName = "Không thuộc tính" } },
        }, TestUsers.Clerk, HttpStatusCode.BadRequest);

        Assert.Equal(["add[0].attributes", "swap[0].in"], (await incomplete.ReadAsJsonAsync<JsonElement>()).GetProperty("errorsEn").EnumerateObject().Select(error => error.Name).Order());
    }

    [Fact]
    public async Task A_failing_legal_requirement_blocks_the_official_list_until_the_conference_records_an_override()
    {
        await ListWithOneWomanReadyToPublish();

        var blocked = await Driver.Post(Routes.For(Routes.OfficialList, Process), new { decisionReference = "NQ 25" }, TestUsers.ElectionClerk, HttpStatusCode.Conflict);
        var notByClerk = await Driver.Post(Routes.For(Routes.QuotaOverrides, Process), new
        {
            ruleId = "council-women", justification = "Không đủ người nữ đủ tiêu chuẩn sau hiệp thương", minutesReference = "BB-3/MTTQ",
        }, TestUsers.Clerk, HttpStatusCode.Conflict);
        var notATarget = await Driver.Post(Routes.For(Routes.QuotaOverrides, Process), new
        {
            ruleId = "council-young", justification = "Chỉ tiêu định hướng không cần vượt", minutesReference = "BB-3/MTTQ",
        }, TestUsers.Chair, HttpStatusCode.Conflict);
        await Driver.Post(Routes.For(Routes.QuotaOverrides, Process), new
        {
            ruleId = "council-women", justification = "Không đủ người nữ đủ tiêu chuẩn sau hiệp thương", minutesReference = "BB-3/MTTQ",
        }, TestUsers.Chair);
        await Driver.Post(Routes.For(Routes.OfficialList, Process), new { decisionReference = "NQ 25" }, TestUsers.ElectionClerk);

        var problem = await blocked.ThenRefused(PublishOfficialList.QuotaRequirementFailed);
        Assert.Contains("1/3 (33.33%), required ≥ 35% (Luật 85/2015/QH13, Điều 9 khoản 3", problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
        await notByClerk.ThenRefused(RecordQuotaOverride.ChairRecordsOverrides);
        await notATarget.ThenRefused(RecordQuotaOverride.NotARequirement);

        var report = await Host.Read<JsonElement>($"{Routes.For(Routes.Quotas, Process)}?scope=Official");
        var overridden = report.GetProperty("overrides").EnumerateArray().Single();
        Assert.Equal(("council-women", "chu.tich", "BB-3/MTTQ"), (overridden.GetProperty("ruleId").GetString(), overridden.GetProperty("recordedBy").GetString(), overridden.GetProperty("minutesReference").GetString()));
        await using var session = Store.QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync(CandidateList.IdFor(Process)), e => e.Data is QuotaOverrideRecorded);
    }

    [Fact]
    public async Task The_allocation_plan_is_evaluated_too()
    {
        await ListWithOneWomanReadyToPublish();

        var plan = await Host.Read<JsonElement>($"{Routes.For(Routes.Quotas, Process)}?scope=AllocationPlan");

        var planWomen = Result(plan, "council-women");
        Assert.Equal((3, 25, "Fail", 6), (planWomen.GetProperty("count").GetInt32(), planWomen.GetProperty("total").GetInt32(), planWomen.GetProperty("outcome").GetString(), planWomen.GetProperty("shortfall").GetInt32()));
    }

    /// <summary>The list of one woman published, its shortfall overridden by the conference.</summary>
    private async Task<Dictionary<string, string>> PublishedListWithOneWoman()
    {
        var ids = await ListWithOneWomanReadyToPublish();
        await Driver.Post(Routes.For(Routes.QuotaOverrides, Process), new { ruleId = "council-women", justification = "Không đủ người nữ đủ tiêu chuẩn", minutesReference = "BB-3" }, TestUsers.Chair);
        await Driver.Post(Routes.For(Routes.OfficialList, Process), new { decisionReference = "NQ 25" }, TestUsers.ElectionClerk);
        return ids;
    }

    private async Task<string> OfficialListCsv(string query = "") =>
        (await (await Host.Scenario(s => s.Get.Url($"{Routes.For(Routes.OfficialListCsv, Process)}{query}"))).ReadAsTextAsync()).TrimStart('\uFEFF');

    private static string[] Lines(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToArray();

    private Task<IScenarioResult> EvaluateList(string csv, string council = "national-assembly-provincial") =>
        Driver.Post(Routes.ListEvaluation, new { council, term = "2021-2026", jurisdiction = (string?)null, csv }, TestUsers.Clerk);

    [Fact]
    public async Task The_official_list_csv_has_Vietnamese_headers_and_says_who_sits_now_on_the_council()
    {
        await PublishedListWithOneWoman();

        var lines = Lines(await OfficialListCsv());

        Assert.Equal("Mã đơn vị bầu cử,Đơn vị bầu cử,Số đại biểu được bầu,Số thứ tự,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Nơi cư trú,Trình độ học vấn,"
            + "\"Nghề nghiệp, chức vụ\",Nơi công tác,Đảng viên,\"Cơ quan, tổ chức giới thiệu\",Đại biểu đương nhiệm", lines[0]);
        Assert.All(lines[1..], line => Assert.EndsWith(",Không", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_official_list_csv_has_English_headers_when_asked()
    {
        await PublishedListWithOneWoman();

        var lines = Lines(await OfficialListCsv("?lang=En"));

        Assert.Equal("constituency_id,constituency,seats,order,full_name,date_of_birth,gender,ethnicity,religion,residence,education,profession,workplace,party_member,nominated_by,incumbent", lines[0]);
        Assert.Equal(Lines(await OfficialListCsv())[1..], lines[1..]);
    }

    [Fact]
    public async Task The_exported_list_is_evaluated_alike_from_either_header()
    {
        await PublishedListWithOneWoman();

        var vietnamese = await (await EvaluateList(await OfficialListCsv())).ReadAsJsonAsync<JsonElement>();
        var english = await (await EvaluateList(await OfficialListCsv("?lang=En"))).ReadAsJsonAsync<JsonElement>();

        Assert.Equal(vietnamese.GetProperty("results").GetRawText(), english.GetProperty("results").GetRawText());
        Assert.Equal((3, 1), (vietnamese.GetProperty("candidates").GetInt32(), Result(vietnamese, "na-women").GetProperty("count").GetInt32()));
        Assert.Equal(("Warn", "Projection"), (Result(vietnamese, "na-re-elected").GetProperty("outcome").GetString(), Result(vietnamese, "na-re-elected").GetProperty("reading").GetString()));
    }

    [Fact]
    public async Task A_list_without_incumbency_has_its_re_election_target_not_evaluable_naming_the_column()
    {
        var withoutIncumbency = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Quotas", "sample-official-list.csv"));

        var report = await (await EvaluateList(withoutIncumbency)).ReadAsJsonAsync<JsonElement>();

        var reElected = Result(report, "na-re-elected");
        Assert.Equal("NotEvaluable", reElected.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, reElected.GetProperty("sharePercent").ValueKind);
        Assert.Equal("Not evaluable: missing column incumbent.", reElected.GetProperty("explanation").GetProperty("en").GetString());
        Assert.Equal("Không đánh giá được: thiếu cột Đại biểu đương nhiệm.", reElected.GetProperty("explanation").GetProperty("vi").GetString());
        Assert.Equal(("Warn", "PartOfNationalList"), (Result(report, "na-women").GetProperty("outcome").GetString(), Result(report, "na-women").GetProperty("reading").GetString()));
    }

    [Fact]
    public async Task A_list_that_cannot_be_read_is_a_400_naming_the_csv()
    {
        var refused = await Driver.Post(Routes.ListEvaluation, new { council = "commune-council", csv = "tên,tuổi\nAn,40\n" }, TestUsers.Clerk, HttpStatusCode.BadRequest);

        Assert.True((await refused.ReadAsJsonAsync<JsonElement>()).GetProperty("errorsEn").TryGetProperty("csv", out _));
    }

    [Fact]
    public async Task Results_without_a_reference_or_with_one_person_twice_are_refused_naming_the_fields_with_nothing_recorded()
    {
        var ids = await PublishedListWithOneWoman();

        var noReference = await Driver.Post(Routes.For(Routes.ElectionResults, Process), new { elected = new[] { ids["Ánh"], ids["Ánh"] }, decisionReference = "" }, TestUsers.ElectionClerk, HttpStatusCode.BadRequest);

        Assert.Equal(["decisionReference", "elected"], (await noReference.ReadAsJsonAsync<JsonElement>()).GetProperty("errorsEn").EnumerateObject().Select(error => error.Name).Order());
        await using var session = Store.QuerySession();
        Assert.DoesNotContain(await session.Events.FetchStreamAsync(CandidateList.IdFor(Process)), e => e.Data is ElectionResultsRecorded);
    }

    [Fact]
    public async Task The_elected_are_evaluated_too()
    {
        var ids = await PublishedListWithOneWoman();

        await Driver.Post(Routes.For(Routes.ElectionResults, Process), new { elected = new[] { ids["Ánh"], ids["An"] }, decisionReference = "NQ 40/NQ-UBBC" }, TestUsers.ElectionClerk);

        var elected = await Host.Read<JsonElement>($"{Routes.For(Routes.Quotas, Process)}?scope=Elected");
        var women = Result(elected, "council-women");
        Assert.Equal((2, 1, "Pass"), (elected.GetProperty("candidates").GetInt32(), women.GetProperty("count").GetInt32(), women.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task A_roll_up_sums_the_lists_beneath_a_jurisdiction_from_the_counts_the_daemon_keeps()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var other = await Driver.OpenForDossiers("commune-council", "01837");
        await Driver.File(Process, "Trần Thị Ánh", "001185000001");
        await Driver.File(Process, "Hoàng Văn An", "001085000003", gender: "Male");
        await Driver.File(other, "Lê Văn Bình", "001085000004", residence: "01837", gender: "Male");
        await Driver.File(other, "Phạm Văn Cường", "001085000005", residence: "01837", gender: "Male");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var rollup = await Host.Read<JsonElement>($"{Routes.For(Routes.QuotaRollup, "058")}?council=CommuneCouncil&termId=2021-2026");

        Assert.Equal((2, 4), (rollup.GetProperty("lists").GetInt32(), rollup.GetProperty("candidates").GetInt32()));
        var women = rollup.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "council-women");
        Assert.Equal(("Fail", 1, 4, 1), (women.GetProperty("outcome").GetString(), women.GetProperty("count").GetInt32(), women.GetProperty("total").GetInt32(), women.GetProperty("shortfall").GetInt32()));
        var province = await Host.Read<JsonElement>($"{Routes.For(Routes.QuotaRollup, "06")}?council=CommuneCouncil&termId=2021-2026");
        Assert.Equal(4, province.GetProperty("candidates").GetInt32());
        var elsewhere = await Host.Read<JsonElement>($"{Routes.For(Routes.QuotaRollup, "061")}?council=CommuneCouncil&termId=2021-2026");
        Assert.Equal(0, elsewhere.GetProperty("candidates").GetInt32());
    }

    [Fact]
    public async Task The_daemon_keeps_counts_for_candidate_lists_only()
    {
        await ListWithOneWomanReadyToPublish();
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        await using var session = Store.QuerySession();
        var counted = await session.Query<ListQuotaCounts>().Select(counts => counts.Id).ToListAsync();

        Assert.Equal([CandidateList.IdFor(Process)], counted);
    }
}
