using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Alba;
using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ElectionPrep.Spreadsheets;

/// <summary>Ward 01834, its dossier window open: the clerk sends the commune's spreadsheet, sees it previewed, and confirms it.</summary>
public class Uploading_a_spreadsheet_over_http(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";

    /// <summary>The Election Committee's clerk of the ward, who files its dossiers.</summary>
    private string Clerk => Driver.Acting(Process, StepKind.DossierWindow);

    private ProcessDriver Driver => new(Host);

    private static readonly byte[] TwoDossiers = Sheets.Csv([Sheets.Dossier("Trần Thị Ánh", "001185000001"), Sheets.Dossier("Hoàng Thị Lan", "001185000002")]);

    private async Task<long> EventCount()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    /// <summary>The file as a browser sends it: a multipart form with its "file" field, and the other fields given.</summary>
    private Task<IScenarioResult> Upload(string route, byte[] file, string token, HttpStatusCode expected = HttpStatusCode.OK, string fileName = "ho-so.csv",
        IReadOnlyDictionary<string, string>? fields = null) =>
        Driver.Tracked(s =>
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, SheetReading.FileField, fileName } };
            foreach (var (name, value) in fields ?? new Dictionary<string, string>()) form.Add(new StringContent(value), name);
            var body = form.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            s.Post.Url(Routes.For(route, Process));
            s.ConfigureHttpContext(context =>
            {
                context.Request.ContentType = form.Headers.ContentType!.ToString();
                context.Request.ContentLength = body.Length;
                context.Request.Body = new MemoryStream(body);
            });
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(expected);
        });

    private async Task<SheetPreview<FileCandidaciesRequest>> PreviewOf(byte[] file) =>
        (await (await Upload(Routes.CandidacySpreadsheets, file, Clerk)).ReadAsJsonAsync<SheetPreview<FileCandidaciesRequest>>())!;

    [Fact]
    public async Task A_preview_names_each_row_and_records_nothing()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var before = await EventCount();

        var preview = await PreviewOf(TwoDossiers);

        Assert.Equal((0, 2, Routes.For(Routes.CandidacyBatches, Process)), (preview.Flaws.Count, preview.Batch.Dossiers.Count, preview.Submit));
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task A_preview_logs_none_of_the_cells()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        using var logs = CapturedLogs.AttachTo(Host.Services.GetRequiredService<ILoggerFactory>());

        await PreviewOf(Sheets.Csv([Sheets.Dossier("Trần Thị Ánh", "001185000001"), Sheets.Dossier("Hoàng Thị Lan", "12345")]));

        Assert.DoesNotContain("001185000001", logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmed_batch_sent_twice_with_one_key_is_recorded_once()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var preview = await PreviewOf(TwoDossiers);
        Task<IScenarioResult> Confirm() => Driver.Tracked(s =>
        {
            s.Post.Json(preview.Batch).ToUrl(preview.Submit);
            s.WithBearerToken(Clerk);
            s.WithRequestHeader(IdempotencyKeys.HeaderName, "bang-tinh-1");
            s.StatusCodeShouldBe(HttpStatusCode.OK);
        });

        await Confirm();
        await Confirm();

        var list = await Host.Read<JsonElement>(Routes.For(Routes.CandidateList, Process));
        Assert.Equal(2, list.GetProperty("entries").GetArrayLength());
    }

    [Fact]
    public async Task A_clerk_of_another_ward_cannot_send_this_wards_spreadsheet()
    {
        await Driver.OpenForDossiers("commune-council", "01834");

        await Upload(Routes.CandidacySpreadsheets, TwoDossiers, Driver.Acting("2021-2026.commune-council.01837", StepKind.DossierWindow), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_observer_cannot_send_a_spreadsheet()
    {
        await Driver.OpenForDossiers("commune-council", "01834");

        await Upload(Routes.CandidacySpreadsheets, TwoDossiers, TestUsers.Observer, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_request_without_a_file_is_refused_naming_the_field()
    {
        await Driver.OpenForDossiers("commune-council", "01834");

        var result = await Driver.Post(Routes.For(Routes.CandidacySpreadsheets, Process), new { }, Clerk, HttpStatusCode.BadRequest);

        Assert.True((await result.ReadAsJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(SheetReading.FileField, out _));
    }

    [Fact]
    public async Task A_placement_sheet_finds_each_candidate_by_name()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var candidacy = await Driver.File(Process, "Trần Thị Ánh", "001185000001");
        await Driver.PublishConstituencies(Process);
        var sheet = Sheets.Csv([new() { [PlacementSheet.FullName.Vi] = "Trần Thị Ánh", [PlacementSheet.ConstituencyId.Vi] = "dv1" }]);

        var preview = (await (await Upload(Routes.AssignmentSpreadsheets, sheet, Driver.Acting(Process, StepKind.ListPublication)))
            .ReadAsJsonAsync<SheetPreview<AssignConstituenciesRequest>>())!;

        Assert.Equal(new CandidatePlacement(candidacy, "dv1"), Assert.Single(preview.Batch.Assignments));
    }

    /// <summary>The ward's constituencies are next: its structure adjusted and its election committee formed.</summary>
    private async Task ReadyForConstituencies()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        await Driver.Complete(Process, "structure-adjusted");
        await Driver.Complete(Process, "election-committee-formed");
    }

    private async Task<SheetPreview<PublishConstituenciesRequest>> ConstituenciesPreviewOf(params Dictionary<string, object>[] rows)
    {
        var answer = await Upload(Routes.ConstituencySpreadsheets, Sheets.Csv(rows), Driver.Acting(Process, StepKind.ConstituencyPublication),
            fields: new Dictionary<string, string> { [SpreadsheetIntake.DecisionReferenceField] = "QĐ 12/QĐ-UBBC" });
        return (await answer.ReadAsJsonAsync<SheetPreview<PublishConstituenciesRequest>>())!;
    }

    private static Dictionary<string, object> ConstituencyRow(string id, string name, object seats) =>
        new() { [ConstituencySheet.Id.Vi] = id, [ConstituencySheet.Name.Vi] = name, [ConstituencySheet.Seats.Vi] = seats };

    [Fact]
    public async Task A_constituency_sheet_gives_the_constituencies_under_the_decision_named_and_records_nothing()
    {
        await ReadyForConstituencies();
        var before = await EventCount();

        var preview = await ConstituenciesPreviewOf(ConstituencyRow("dv1", "Đơn vị bầu cử số 1", 3), ConstituencyRow("dv2", "Đơn vị bầu cử số 2", 2));

        Assert.Empty(preview.Flaws);
        Assert.Equal([new Constituency("dv1", "Đơn vị bầu cử số 1", 3), new Constituency("dv2", "Đơn vị bầu cử số 2", 2)], preview.Batch.Constituencies);
        Assert.Equal("QĐ 12/QĐ-UBBC", preview.Batch.DecisionReference);
        Assert.Equal(before, await EventCount());
    }

    [Fact]
    public async Task A_constituency_with_seats_that_are_no_number_is_named_by_its_row_and_column()
    {
        await ReadyForConstituencies();
        var preview = await ConstituenciesPreviewOf(ConstituencyRow("dv1", "Đơn vị bầu cử số 1", "ba"));

        var flaw = Assert.Single(preview.Flaws);
        Assert.StartsWith($"Dòng 2, cột '{ConstituencySheet.Seats.Vi}'", flaw.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_template_holds_the_kinds_header_row()
    {
        var template = await Host.Scenario(s =>
        {
            s.Get.Url(Routes.For(Routes.SpreadsheetTemplate, DossierSheet.Kind.Name));
            s.WithBearerToken(Clerk);
        });

        var file = new MemoryStream();
        await template.Context.Response.Body.CopyToAsync(file);
        file.Position = 0;
        Assert.Equal(DossierSheet.Kind.Columns.Select(column => column.Vi), Sheets.FirstRow(file));
    }
}
