using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.Pages;

/// <summary>The observer's view: the audit timeline and the proof page as a person reads them, in Vietnam time and in words.</summary>
public partial class Reading_the_audit_pages(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";
    private const string Password = "mat-khau-du-dai-123";
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private ProcessDriver Driver => new(Host);

    private static string Trail(string streamId) => Routes.For(Routes.AuditTrailPage, streamId);

    private async Task<PageSession> Observer()
    {
        await Host.Services.GetRequiredService<ElectionPrep.Accounts.Accounts>().CreateAsync("giam.sat", Password, [ActorRole.Observer], nameof(Body.FrontStandingBoard), null, CancellationToken.None);
        return await PageSession.SignInAsync(Host, "giam.sat", Password);
    }

    private async Task<DateTimeOffset> LastRecordedAsync()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().MaxAsync(e => e.Timestamp);
    }

    private static string Shown(DateTimeOffset at) => at.ToOffset(Vietnam).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_state_as_of_a_time_typed_day_first_in_vietnam_time_is_shown()
    {
        await Driver.Open("commune-council", "01834");
        var typed = (await LastRecordedAsync()).ToOffset(Vietnam).AddMinutes(1);
        using var observer = await Observer();

        var page = await observer.PageAsync($"{Trail(Process)}?asOf={Uri.EscapeDataString(typed.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture))}");

        Assert.Contains($"<h2 id=\"as-of\">Trạng thái như nhật ký ghi nhận lúc {Shown(typed)}</h2>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_as_of_field_shows_its_moment_day_first_in_vietnam_time()
    {
        await Driver.Open("commune-council", "01834");
        using var observer = await Observer();

        var page = await observer.PageAsync($"{Trail(Process)}?asOf={Uri.EscapeDataString("2021-01-20T01:30:00Z")}");

        Assert.Contains("id=\"asOf\" name=\"asOf\" type=\"text\" value=\"20/01/2021 08:30\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_as_of_a_day_that_does_not_exist_is_explained_beside_its_field()
    {
        await Driver.Open("commune-council", "01834");
        using var observer = await Observer();

        var page = await observer.PageAsync($"{Trail(Process)}?asOf={Uri.EscapeDataString("31/02/2021 08:00")}");

        Assert.Contains("value=\"31/02/2021 08:00\"", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"field-error\" id=\"asOf-error\">Không đọc được thời điểm; ghi ngày giờ Việt Nam theo dạng dd/mm/yyyy HH:mm", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2 id=\"as-of\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_state_as_of_a_time_with_a_plus_seven_offset_is_shown()
    {
        await Driver.Open("commune-council", "01834");
        var moment = (await LastRecordedAsync()).ToOffset(Vietnam);
        using var observer = await Observer();

        var page = await observer.PageAsync($"{Trail(Process)}?asOf={Uri.EscapeDataString(moment.ToString("O"))}");

        Assert.Contains($"<h2 id=\"as-of\">Trạng thái như nhật ký ghi nhận lúc {Shown(moment)}</h2>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_as_of_a_value_that_is_not_a_time_is_explained_beside_its_field()
    {
        await Driver.Open("commune-council", "01834");
        using var observer = await Observer();

        var response = await observer.GetAsync($"{Trail(Process)}?asOf=h%C3%B4m%20qua");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"asOf-error\"", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"field-error\" id=\"asOf-error\">Không đọc được thời điểm", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trail_of_nothing_recorded_says_so_in_a_sentence()
    {
        using var observer = await Observer();

        var response = await observer.GetAsync(Trail("2021-2026.commune-council.99999"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không có hồ sơ nào như vậy trong nhật ký.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_event_shows_when_it_was_decided_and_below_when_it_was_recorded()
    {
        await Driver.Open("commune-council", "01834");
        await using var session = Store.QuerySession();
        var opened = (await session.Events.FetchStreamAsync(Process)).Single(e => e.Data is ConsultationProcessOpened);
        using var observer = await Observer();

        var page = await observer.PageAsync(Trail(Process));

        var decided = Shown(((ConsultationProcessOpened)opened.Data).OpenedAt);
        Assert.NotEqual(decided, Shown(opened.Timestamp));
        Assert.Contains($"<td class=\"when\">{decided}<br /><small class=\"recorded\">ghi nhận {Shown(opened.Timestamp)}</small></td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vietnamese_letters_in_event_data_are_shown_as_letters()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var candidacy = await Driver.File(Process, "Hoàng Văn Dũng", "001085000003", gender: "Male");
        using var observer = await Observer();

        var page = await observer.PageAsync(Trail(candidacy));

        Assert.Contains("Họ và tên: Hoàng Văn Dũng", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_bodies_and_event_kinds_are_named_in_vietnamese()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        using var observer = await Observer();

        var page = await observer.PageAsync(Trail(Process));

        Assert.Contains("Cán bộ nghiệp vụ, Thường trực HĐND", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"what\">Hoàn thành bước", page, StringComparison.Ordinal);
        Assert.DoesNotContain("CouncilStandingBody", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">step_completed", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_in_event_data_is_named_by_its_title()
    {
        await Driver.Open("commune-council", "01834");
        await Driver.Complete(Process, "structure-projected");
        using var observer = await Observer();

        var page = await observer.PageAsync(Trail(Process));

        var title = Host.Services.GetRequiredService<WorkflowCatalog>().LatestFor(Terms.CouncilKind.CommuneCouncil).FindStep("structure-projected")!.Title.Vi;
        Assert.Matches($@"<dt>Bước</dt>\s*<dd>{Regex.Escape(title)}</dd>", page);
        Assert.DoesNotContain(">structure-projected<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_no_person_caused_names_the_system_as_its_actor()
    {
        await Driver.Open("commune-council", "01834");
        await using (var session = Store.LightweightSession())
        {
            session.Events.Append(Process, new StepReminderSent(Process, "election-committee-formed", AppFixture.Start.AddDays(10), 3, AppFixture.Start.AddDays(7)));
            await session.SaveChangesAsync();
        }

        using var observer = await Observer();

        var page = await observer.PageAsync($"{Trail(Process)}?kind=step_reminder_sent");

        Assert.Contains("<td class=\"who\">Hệ thống<br />", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_history_is_shown_a_page_at_a_time_with_a_link_to_the_next()
    {
        await WithReminders(25);
        using var observer = await Observer();

        var page = await observer.PageAsync($"{Trail(Process)}?size=10");

        Assert.Equal(10, TimelineRows().Count(page));
        Assert.Matches(@"<caption>\d+ sự kiện · trang 1 / \d+</caption>", page);
        Assert.Contains($"href=\"?size=10&amp;pageNumber=2\" rel=\"next\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_page_goes_on_where_the_first_stopped_and_keeps_the_filters()
    {
        await WithReminders(25);
        using var observer = await Observer();

        var first = await observer.PageAsync($"{Trail(Process)}?kind=step_reminder_sent&size=10");
        var second = await observer.PageAsync($"{Trail(Process)}?kind=step_reminder_sent&size=10&pageNumber=2");

        var numbers = (string html) => RowNumbers().Matches(html).Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(numbers(second).Min() > numbers(first).Max(), "page 2 starts after page 1 ends");
        Assert.Equal(10, TimelineRows().Count(second));
        Assert.All(TimelineRows().Matches(second), row => Assert.Contains("data-type=\"step_reminder_sent\"", row.Value, StringComparison.Ordinal));
        Assert.Contains("href=\"?kind=step_reminder_sent&amp;size=10&amp;pageNumber=1\" rel=\"prev\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_number_past_the_end_shows_the_last_page()
    {
        await WithReminders(25);
        using var observer = await Observer();

        var page = await observer.PageAsync($"{Trail(Process)}?kind=step_reminder_sent&size=10&pageNumber={int.MaxValue}");

        Assert.Contains("<caption>25 sự kiện · trang 3 / 3</caption>", page, StringComparison.Ordinal);
        Assert.Equal(5, TimelineRows().Count(page));
    }

    /// <summary>A process opened, with as many reminders recorded as a long preparation leaves behind.</summary>
    private async Task WithReminders(int count)
    {
        await Driver.Open("commune-council", "01834");
        await using var session = Store.LightweightSession();
        for (var day = 1; day <= count; day++)
        {
            session.Events.Append(Process, new StepReminderSent(Process, "election-committee-formed", AppFixture.Start.AddDays(10), 3, AppFixture.Start.AddDays(day)));
        }

        await session.SaveChangesAsync();
    }

    [GeneratedRegex("<tr data-type=\"[^\"]+\">")]
    private static partial Regex TimelineRows();

    [GeneratedRegex("<td data-label=\"#\">(\\d+)</td>")]
    private static partial Regex RowNumbers();

    [Fact]
    public async Task In_english_the_trail_names_kinds_and_roles_in_english()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        using var observer = await Observer();
        await observer.GetAsync($"{Routes.For(Routes.LanguageSwitch, "en-GB")}?returnUrl={Routes.Dashboard}");

        var page = await observer.PageAsync(Trail(Process));

        Assert.Contains("Clerk, Council standing body", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"what\">Step completed", page, StringComparison.Ordinal);
        Assert.Contains("<small class=\"recorded\">recorded ", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"(/audit/proofs/[^\"]+)\"")]
    private static partial Regex ProofLink();

    /// <summary>A conference signed (which takes a checkpoint) and the proof page of its minutes, once the timeline shows them verified.</summary>
    private async Task<string> ProofOfSignedMinutes(PageSession observer)
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var timeline = await Eventually.Until(async () => await observer.PageAsync($"{Trail($"{Process}.round-1")}?kind=minutes_signed"),
            html => html.Contains("Đã xác minh", StringComparison.Ordinal));
        return WebUtility.HtmlDecode(ProofLink().Match(timeline).Groups[1].Value);
    }

    [Fact]
    public async Task The_proof_page_says_in_words_each_check_that_held()
    {
        using var observer = await Observer();
        var proof = await ProofOfSignedMinutes(observer);

        var page = await observer.PageAsync(proof);

        Assert.Equal(4, Regex.Count(page, "<span class=\"pass\">Đạt</span>"));
        Assert.Contains("nằm trong cây nhật ký gồm", page, StringComparison.Ordinal);
        Assert.Contains("<p id=\"verdict\" class=\"pass\">Kết luận: sự kiện đã được xác minh.</p>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_proof_page_keeps_the_json_behind_a_link()
    {
        using var observer = await Observer();
        var proof = await ProofOfSignedMinutes(observer);

        var page = await observer.PageAsync(proof);

        Assert.Contains($"href=\"{Routes.AuditInclusionProof.Replace("{sequence}", "", StringComparison.Ordinal)}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\"leafHash\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_proof_page_speaks_english_after_the_switch()
    {
        using var observer = await Observer();
        var proof = await ProofOfSignedMinutes(observer);
        await observer.GetAsync($"{Routes.For(Routes.LanguageSwitch, "en-GB")}?returnUrl={Routes.Dashboard}");

        var page = await observer.PageAsync(proof);

        Assert.Contains("<p id=\"verdict\" class=\"pass\">Conclusion: the event is verified.</p>", page, StringComparison.Ordinal);
        Assert.Contains("The checkpoint&#x27;s signature", page, StringComparison.Ordinal);
    }

    private static Regex ProofSequence() => new(Routes.AuditProofPage.Replace("{sequence}", @"(\d+)", StringComparison.Ordinal));

    [Fact]
    public async Task The_proof_page_of_an_event_changed_after_it_was_recorded_says_it_does_not_verify()
    {
        using var observer = await Observer();
        var proof = await ProofOfSignedMinutes(observer);
        var sequence = long.Parse(ProofSequence().Match(proof).Groups[1].Value, CultureInfo.InvariantCulture);
        await using (var command = Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(
            $"update {Database.DatabaseServices.SchemaName}.mt_events set data = data || '{{\"MinutesReference\": \"BB sửa sau\"}}'::jsonb where seq_id = @seq"))
        {
            command.Parameters.AddWithValue("seq", sequence);
            await command.ExecuteNonQueryAsync();
        }

        var page = await observer.PageAsync(proof);

        Assert.Contains("<span class=\"fail\">KHÔNG ĐẠT</span> — Dữ liệu của sự kiện đang lưu KHÔNG khớp", page, StringComparison.Ordinal);
        Assert.Contains("<p id=\"verdict\" class=\"fail\">Kết luận: sự kiện KHÔNG xác minh được.</p>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proof_of_no_such_event_says_so_in_a_sentence()
    {
        using var anyone = PageSession.Open(Host);

        var response = await anyone.GetAsync(Routes.For(Routes.AuditProofPage, "987654"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không có sự kiện nào như vậy trong nhật ký.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anyone_may_check_a_proof_without_learning_who_acted()
    {
        using var observer = await Observer();
        var proof = await ProofOfSignedMinutes(observer);
        using var anyone = PageSession.Open(Host);

        var page = await anyone.PageAsync(proof);

        Assert.Contains("Kết luận: sự kiện đã được xác minh.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"event\"", page, StringComparison.Ordinal);
    }
}

/// <summary>Every kind of event and every member an observer reads has a name in both languages.</summary>
public class Naming_what_the_audit_trail_shows
{
    private static IEnumerable<Type> EventTypes =>
        new[] { typeof(ConsultationProcessOpened).Assembly, typeof(Http.Routes).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.GetInterfaces().Any(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(Common.IEventOf<>)))
            .Concat([typeof(Accounts.AccountCreated), typeof(Accounts.AccountPasswordReset), typeof(Accounts.AccountPasswordChanged)]);

    public static TheoryData<string> Kinds => [.. EventTypes.Select(type => JasperFx.Events.EventTypeExtensions.GetEventTypeName(type))];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_of_event_has_a_name(string kind) => Assert.NotEqual(kind, EventNames.Of(kind));

    /// <summary>The members an event's summary shows, its nested records' included (a dictionary's keys are data, not members).</summary>
    private static IEnumerable<string> Members(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type)) yield break;
        foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
        {
            if (!Audit.EventSummary.Shows(property.Name)) continue;
            yield return property.Name;
            var inner = property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                ? property.PropertyType.GetGenericArguments()[0]
                : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (inner.IsClass && inner != typeof(string) && inner.Namespace?.StartsWith("ElectionPrep", StringComparison.Ordinal) == true)
            {
                foreach (var member in Members(inner, seen)) yield return member;
            }
        }
    }

    public static TheoryData<string> ShownMembers => [.. EventTypes.SelectMany(type => Members(type, [])).Distinct().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShownMembers))]
    public void Every_member_an_event_shows_has_a_name(string member) => Assert.NotNull(Audit.EventSummary.NameOf(member));

    public static TheoryData<Enum> Choices =>
        [.. new[] { typeof(ElectionPrep.Candidates.Gender), typeof(ElectionPrep.Candidates.DocumentKind), typeof(ElectionPrep.ConsultationConferences.Participation), typeof(ElectionPrep.ConsultationConferences.VotingMethod), typeof(ElectionPrep.Candidates.VoterConferenceKind) }
            .SelectMany(type => Enum.GetValues(type).Cast<Enum>())];

    [Theory]
    [MemberData(nameof(Choices))]
    public void Every_choice_an_event_records_has_a_vietnamese_name(Enum value) => Assert.NotEqual(value.ToString(), Names.Of(value));
}
