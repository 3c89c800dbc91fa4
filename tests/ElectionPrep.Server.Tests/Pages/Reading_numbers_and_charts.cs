using System.Text.RegularExpressions;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.Pages;

/// <summary>
/// Numbers written one way per language (35 % in Vietnamese, 35% in English), quota bars with their bound marked, and
/// the process timeline with its legend, labelled lines for today and election day, and every step's full title.
/// </summary>
public partial class Reading_numbers_and_charts(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Password = "mat-khau-du-dai-123";

    private ProcessDriver Driver => new(Host);

    private async Task<PageSession> Clerk()
    {
        await Host.Services.GetRequiredService<ElectionPrep.Accounts.Accounts>().CreateAsync("thu.ky.xa", Password, [ActorRole.Clerk], nameof(Body.FrontStandingBoard), "01834", CancellationToken.None);
        return await PageSession.SignInAsync(Host, "thu.ky.xa", Password);
    }

    /// <summary>Two women of three standing in ward 01834: 66.67% against the women's 35%.</summary>
    private async Task<string> TwoWomenOfThree()
    {
        var id = await Driver.OpenForDossiers("commune-council", "01834");
        await Driver.File(id, "Trần Thị Ánh", "001185000001", "Hội Liên hiệp Phụ nữ");
        await Driver.File(id, "Nguyễn Văn Bình", "001085000002", gender: "Male");
        await Driver.File(id, "Lê Thị Cúc", "001185000003");
        return id;
    }

    /// <summary>The list builder's bar for the women's share.</summary>
    private static string WomenBar(string html) => WomenItem().Match(html).Value;

    [GeneratedRegex("<li data-rule=\"council-women\".*?</li>", RegexOptions.Singleline)]
    private static partial Regex WomenItem();

    [Fact]
    public async Task In_vietnamese_the_list_builder_writes_shares_with_a_decimal_comma_and_a_spaced_percent_sign()
    {
        var id = await TwoWomenOfThree();
        using var clerk = await Clerk();

        var women = WomenBar(await clerk.PageAsync(Routes.For(Routes.ListBuilderPage, id)));

        Assert.Matches("2/3 \\(66,67 %\\),\\s+yêu cầu <span class=\"bound\">≥ 35 %</span>", women);
    }

    [Fact]
    public async Task In_english_the_list_builder_writes_shares_with_a_decimal_point_and_the_sign_against_the_number()
    {
        var id = await TwoWomenOfThree();
        using var clerk = await Clerk();
        await clerk.GetAsync($"{Routes.For(Routes.LanguageSwitch, "en-GB")}?returnUrl={Routes.Dashboard}");

        var women = WomenBar(await clerk.PageAsync(Routes.For(Routes.ListBuilderPage, id)));

        Assert.Matches("2/3 \\(66\\.67%\\),\\s+bound <span class=\"bound\">≥ 35%</span>", women);
    }

    [Fact]
    public async Task A_quota_bar_marks_its_bound_on_the_bar_and_names_it_for_a_screen_reader()
    {
        var id = await TwoWomenOfThree();
        using var clerk = await Clerk();

        var women = WomenBar(await clerk.PageAsync(Routes.For(Routes.ListBuilderPage, id)));

        // 35% of a 300-pixel bar.
        Assert.Matches("<g class=\"threshold\"><line x1=\"105\" x2=\"105\"[^>]*/>\\s*<text [^>]*>≥ 35 %</text></g>", women);
        Assert.Contains("role=\"img\" aria-label=\"Tỷ lệ đạt 2/3 (66,67 %); vạch đen: mức yêu cầu ≥ 35 %\"", women, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_official_list_before_it_is_published_is_not_yet_evaluable_rather_than_failing()
    {
        var id = await TwoWomenOfThree();
        using var clerk = await Clerk();

        var women = WomenBar(await clerk.PageAsync($"{Routes.For(Routes.ListBuilderPage, id)}?scope=Official"));

        Assert.Contains("data-outcome=\"Empty\"", women, StringComparison.Ordinal);
        Assert.Contains("Chưa có dữ liệu", women, StringComparison.Ordinal);
        Assert.DoesNotContain("Không đạt", women, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_has_a_legend_of_every_mark()
    {
        await Driver.Open("commune-council", "01834");
        using var clerk = await Clerk();

        var legend = Legend().Match(await clerk.PageAsync(Routes.For(Routes.ProcessPage, "2021-2026.commune-council.01834"))).Value;

        foreach (var mark in new[] { "Hạn pháp định", "Hạn gốc, trước khi điều chỉnh", "Hoàn thành đúng hạn", "Hoàn thành trễ hạn", "Bước đang mở", "Ngày nghỉ lễ", "Hôm nay", "Ngày bầu cử" })
        {
            Assert.Contains(mark, legend, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<ul id=\"timeline-legend\".*?</ul>", RegexOptions.Singleline)]
    private static partial Regex Legend();

    [Fact]
    public async Task The_timeline_labels_today_and_election_day_with_their_dates()
    {
        await Driver.Open("commune-council", "01834");
        using var clerk = await Clerk();

        var html = await clerk.PageAsync(Routes.For(Routes.ProcessPage, "2021-2026.commune-council.01834"));

        Assert.Matches("<g id=\"timeline-today\"><line [^>]*stroke-dasharray[^>]*/>\\s*<text [^>]*>Hôm nay 20/01/2021</text>", html);
        Assert.Matches("<g id=\"timeline-election-day\"><line [^>]*/>\\s*<text [^>]*>Ngày bầu cử 23/05/2021</text>", html);
    }

    [Fact]
    public async Task The_timeline_writes_every_steps_full_title_at_12_pixels_or_more_and_the_table_repeats_it()
    {
        await Driver.Open("commune-council", "01834");
        using var clerk = await Clerk();
        const string longest = "Cơ quan, tổ chức, đơn vị giới thiệu người ứng cử (họp lãnh đạo, hội nghị cử tri nơi công tác, quyết định)";

        var html = await clerk.PageAsync(Routes.For(Routes.ProcessPage, "2021-2026.commune-council.01834"));

        var chart = Chart().Match(html).Value;
        Assert.DoesNotContain("…", chart, StringComparison.Ordinal);
        Assert.Contains($"<title>{longest}</title>", chart, StringComparison.Ordinal);
        Assert.All(FontSize().Matches(chart), size => Assert.InRange(int.Parse(size.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 12, 99));
        Assert.Contains($"<td>{longest}<br />", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<div class=\"timeline-chart\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Chart();

    [GeneratedRegex("font-size=\"(\\d+)\"")]
    private static partial Regex FontSize();
}
