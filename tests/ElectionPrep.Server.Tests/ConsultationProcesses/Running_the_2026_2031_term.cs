using System.Globalization;
using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Candidates;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>The second term runs on its own data: no code knows which term it is.</summary>
public class Running_the_2026_2031_term(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Term = "2026-2031";

    /// <summary>Before the first reminder of the 2026 calendar (E−105 = 30/11/2025, less 7 days).</summary>
    private static readonly DateTimeOffset Opening = new(2025, 11, 20, 8, 0, 0, TimeSpan.FromHours(7));

    private ProcessDriver Driver => new(Host);

    /// <summary>term-2026.md: each step's deadline for the 15 March 2026 election, in Vietnam's time.</summary>
    private static readonly Dictionary<string, string> DueIn2026 = new()
    {
        ["structure-projected"] = "2025-11-30 23:59",
        ["first-consultation"] = "2025-12-10 23:59",
        ["structure-adjusted"] = "2025-12-15 23:59",
        ["constituencies-published"] = "2025-12-25 23:59",
        ["nominations"] = "2026-02-01 17:00",
        ["dossiers-filed"] = "2026-02-01 17:00",
        ["second-consultation"] = "2026-02-03 23:59",
        ["voter-conferences"] = "2026-02-08 23:59",
        ["third-consultation"] = "2026-02-20 23:59",
        ["minutes-sent"] = "2026-02-22 23:59",
        ["official-list-published"] = "2026-02-26 23:59",
        ["lists-posted"] = "2026-02-27 23:59",
    };

    [Theory]
    [InlineData("provincial-council", "19")] // Thái Nguyên, which absorbed Bắc Kạn on 1/7/2025
    [InlineData("commune-council", "01843")] // Phường Bắc Kạn, a 2025 ward under the province with no district between
    public async Task A_process_runs_its_three_rounds_at_2026_dates_with_every_deadline_on_its_2026_date(string council, string jurisdiction)
    {
        Clock.Now = Opening;
        var id = await Driver.Open(council, jurisdiction, Term);
        var opened = await Driver.Details(id);
        Assert.Equal((Term, 2), (opened.GetProperty("termId").GetString(), opened.GetProperty("definitionVersion").GetInt32()));
        Assert.Equal("2026-03-15", opened.GetProperty("electionDay").GetString());

        await Driver.Complete(id, "structure-projected");
        await Driver.Complete(id, "election-committee-formed");
        Clock.Now = At("2025-12-05 09:00");
        await Driver.HoldConference(id, 1);
        await Driver.Complete(id, "structure-adjusted");
        await Driver.Complete(id, "constituencies-published");
        Clock.Now = At("2026-01-20 09:00");
        await Driver.Complete(id, "nominations");
        await Driver.File(id, "Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ", residence: "01843");
        await Driver.File(id, "Hoàng Văn An", "001085000003", residence: "01843");
        await Driver.Complete(id, "dossiers-filed");
        Clock.Now = At("2026-02-02 09:00");
        await Driver.HoldConference(id, 2);
        Clock.Now = At("2026-02-06 09:00");
        await Driver.HearEveryone(id);
        await Driver.Complete(id, "voter-conferences");
        Clock.Now = At("2026-02-11 09:00");
        await Driver.HoldConference(id, 3);
        await Driver.Complete(id, "minutes-sent");
        Clock.Now = At("2026-02-14 09:00");
        await Driver.Complete(id, "official-list-published");
        await Driver.Complete(id, "lists-posted");

        var details = await Driver.Details(id);
        Assert.Equal("Completed", details.GetProperty("stage").GetString());
        var due = details.GetProperty("steps").EnumerateArray()
            .Where(step => DueIn2026.ContainsKey(step.GetProperty("stepId").GetString()!))
            .ToDictionary(step => step.GetProperty("stepId").GetString()!, step => Local(step.GetProperty("dueAt").GetDateTimeOffset()));
        Assert.Equal(DueIn2026.OrderBy(pair => pair.Key), due.OrderBy(pair => pair.Key));
    }

    [Fact]
    public async Task A_dossier_after_17_00_on_1_February_2026_is_refused_as_late()
    {
        Clock.Now = Opening;
        var id = await Driver.OpenForDossiers("commune-council", "01843", Term);
        Clock.Now = At("2026-02-01 17:00").AddSeconds(1);

        var refused = await Driver.Post(Routes.For(Routes.Candidacies, id), ProcessDriver.Dossier("Trần Thị Ánh", "001185000001", residence: "01843"),
            Driver.Acting(id, StepKind.DossierWindow), HttpStatusCode.Conflict);

        var problem = await refused.ThenRefused(FileCandidacy.DeadlinePassed);
        Assert.Contains("2026-02-01 17:00 +07:00", problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_district_council_process_is_refused_because_the_term_elects_no_district_council()
    {
        Clock.Now = Opening;

        var refused = await OpenAsync("district-council", "058");

        var problem = await refused.ThenRefused(OpenConsultationProcess.CouncilNotElected);
        Assert.Contains("không bầu HĐND cấp huyện", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("elects no District council; it elects: National Assembly (central), National Assembly (province), Provincial council, Commune council",
            problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_province_merged_away_on_1_July_2025_is_refused_for_2026_with_its_period()
    {
        Clock.Now = Opening;

        var refused = await OpenAsync("provincial-council", "06");

        var problem = await refused.ThenRefused(OpenConsultationProcess.UnitNotValid);
        Assert.Contains("Bac Kan (06) does not exist on the term 2026-2031's election day 15/03/2026: the unit is valid ≤ 30/06/2025",
            problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_code_opens_the_2021_unit_for_2021_and_the_2025_unit_for_2026()
    {
        var earlier = await Driver.Open("commune-council", "01843");
        Clock.Now = Opening;
        var later = await Driver.Open("commune-council", "01843", Term);

        Assert.Equal("Phường Phùng Chí Kiên", (await Driver.Details(earlier)).GetProperty("jurisdictionName").GetString());
        Assert.Equal("Phường Bắc Kạn", (await Driver.Details(later)).GetProperty("jurisdictionName").GetString());
        Assert.Equal(1, (await Driver.Details(earlier)).GetProperty("definitionVersion").GetInt32());
    }

    private Task<IScenarioResult> OpenAsync(string council, string jurisdiction) =>
        Host.Scenario(s =>
        {
            s.Post.Json(new { termId = Term, council, jurisdictionCode = jurisdiction }).ToUrl(Routes.ConsultationProcesses);
            s.WithBearerToken(TestUsers.Of(Body.FrontStandingBoard, ActorRole.CommitteeChair, jurisdiction));
            s.StatusCodeShouldBe(HttpStatusCode.Conflict);
        });

    private static DateTimeOffset At(string local) =>
        DateTimeOffset.ParseExact(local + " +07:00", "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
