using System.Text.Json.Nodes;
using ElectionPrep.Calendar;
using ElectionPrep.Database;
using ElectionPrep.Infrastructure;
using ElectionPrep.Terms;

namespace ElectionPrep.Seeds;

public sealed class Loading_the_seeds : IDisposable
{
    private readonly List<string> folders = [];

    public void Dispose()
    {
        foreach (var folder in folders) Directory.Delete(folder, recursive: true);
    }

    /// <summary>domain.md's table: the date each step fell due for the 23 May 2021 election.</summary>
    public static TheoryData<string, string> DomainTable => new()
    {
        { "structure-projected", "2021-02-07" },
        { "election-committees-formed", "2021-02-07" },
        { "first-consultation", "2021-02-17" },
        { "structure-adjusted", "2021-02-22" },
        { "constituencies-published", "2021-03-04" },
        { "dossiers-filed", "2021-03-14" },
        { "second-consultation", "2021-03-19" },
        { "voter-conferences", "2021-04-13" },
        { "third-consultation", "2021-04-18" },
        { "minutes-sent", "2021-04-23" },
        { "official-list-published", "2021-04-28" },
        { "lists-posted", "2021-05-03" },
        { "complaints-closed", "2021-05-13" },
    };

    private static readonly SeedCatalog Shipped = SeedCatalog.Load(SeedCatalog.DefaultPath);

    [Theory]
    [MemberData(nameof(DomainTable))]
    public void The_shipped_term_puts_each_step_on_its_2021_date(string stepId, string date)
    {
        var term = Shipped.FindTerm("2021-2026")!;

        var deadline = LegalCalendar.For(term, CouncilKind.NationalAssemblyProvincial, Shipped.TimeZoneOf(term)).Single(d => d.StepId == stepId);

        Assert.Equal(date, deadline.DueAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEmpty(deadline.Basis);
    }

    private static readonly DateOnly ElectionDay2021 = new(2021, 5, 23);

    private static readonly DateOnly ElectionDay2026 = new(2026, 3, 15);

    [Fact]
    public void The_shipped_units_hold_every_province_of_2021() =>
        Assert.Equal(63, Shipped.Units.All.Count(unit => unit.Level == UnitLevel.Province && unit.IsValidOn(ElectionDay2021)));

    [Fact]
    public void The_shipped_units_hold_the_34_provinces_valid_from_1_July_2025() =>
        Assert.Equal(34, Shipped.Units.All.Count(unit => unit.Level == UnitLevel.Province && unit.IsValidOn(ElectionDay2026)
            && unit.ValidFrom == new DateOnly(2025, 7, 1)));

    [Fact]
    public void The_shipped_units_hold_Bac_Kan_down_to_its_communes()
    {
        Assert.Equal(8, Shipped.Units.ChildrenOf("06", ElectionDay2021).Count());
        Assert.Equal(108, Shipped.Units.ChildrenOf("06", ElectionDay2021).Sum(district => Shipped.Units.ChildrenOf(district.Code, ElectionDay2021).Count()));
    }

    [Fact]
    public void The_shipped_units_hold_the_merged_Thai_Nguyen_down_to_its_communes_with_no_district_between()
    {
        Assert.Equal(92, Shipped.Units.ChildrenOf("19", ElectionDay2026).Count(unit => unit.Level == UnitLevel.Commune));
        Assert.Equal(["VN", "19", "01843"], Shipped.PathOf("01843", ElectionDay2026));
    }

    [Fact]
    public void A_code_reused_after_the_reform_names_the_unit_of_the_day_asked()
    {
        Assert.Equal("Phường Phùng Chí Kiên", Shipped.Units.Find("01843", ElectionDay2021)!.Name);
        Assert.Equal("Phường Bắc Kạn", Shipped.Units.Find("01843", ElectionDay2026)!.Name);
        Assert.Null(Shipped.Units.Find("06", ElectionDay2026));
    }

    [Fact]
    public void Ho_Chi_Minh_City_elects_no_district_councils() =>
        Assert.False(Shipped.Units.Find("79", ElectionDay2021)!.Elects(CouncilKind.DistrictCouncil));

    [Fact]
    public void The_2026_2031_term_loads_beside_2021_2026()
    {
        Assert.Equal(["2026-2031", "2021-2026"], Shipped.TermsLatestFirst.Select(term => term.Id));
        var term = Shipped.TermOf("2026-2031");
        Assert.Equal(ElectionDay2026, term.ElectionDay);
        Assert.False(term.Elects(CouncilKind.DistrictCouncil));
        Assert.True(Shipped.TermOf("2021-2026").Elects(CouncilKind.DistrictCouncil));
    }

    /// <summary>term-2026.md's timetable: the date and time each step fell due for the 15 March 2026 election.</summary>
    public static TheoryData<string, string> Table2026 => new()
    {
        { "structure-projected", "2025-11-30T23:59" },
        { "first-consultation", "2025-12-10T23:59" },
        { "structure-adjusted", "2025-12-15T23:59" },
        { "constituencies-published", "2025-12-25T23:59" },
        { "dossiers-filed", "2026-02-01T17:00" },
        { "second-consultation", "2026-02-03T23:59" },
        { "voter-conferences", "2026-02-08T23:59" },
        { "third-consultation", "2026-02-20T23:59" },
        { "minutes-sent", "2026-02-22T23:59" },
        { "official-list-published", "2026-02-26T23:59" },
        { "lists-posted", "2026-02-27T23:59" },
        { "complaints-closed", "2026-03-05T23:59" },
    };

    [Theory]
    [MemberData(nameof(Table2026))]
    public void The_2026_term_puts_each_step_on_its_2026_date(string stepId, string due)
    {
        var term = Shipped.TermOf("2026-2031");

        var deadline = LegalCalendar.For(term, CouncilKind.CommuneCouncil, Shipped.TimeZoneOf(term)).Single(d => d.StepId == stepId);

        Assert.Equal(due, deadline.DueAt.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromHours(7), deadline.DueAt.Offset);
        Assert.NotEmpty(deadline.Basis);
    }

    /// <summary>Where to break a shipped seed, with what, and the path and problem the refusal must name.</summary>
    public static TheoryData<string, string, string, string, string> Breakages => new()
    {
        { "terms/2021-2026.json", "$.calendar[0].daysBeforeElection", "\"soon\"", "$.calendar[0].daysBeforeElection:", "could not be converted" },
        { "terms/2021-2026.json", "$.calendar[2].basis", "[]", "$.calendar[2].basis:", "every step cites its legal basis" },
        { "terms/2021-2026.json", "$.calendar[3].id", "\"structure-projected\"", "$.calendar:", "step ids must be unique" },
        { "terms/2021-2026.json", "$.rules.consultationQuorum.share", "\"2/0\"", "$.rules.consultationQuorum.share:", "expected a share" },
        { "terms/2021-2026.json", "$.rules.youngCandidateAge.source.basis", "[]", "$.rules.youngCandidateAge.source.basis:", "every rule cites its legal basis" },
        { "terms/2021-2026.json", "$.timeZone", "\"Mars/Olympus_Mons\"", "$.timeZone:", "is not a time zone" },
        { "terms/2021-2026.json", "$.rules.candidatesBeyondSeats[3].toSeats", "4", "$.rules.candidatesBeyondSeats:", "cover 1 to its seat limit exactly once" },
        { "units/provinces.json", "$.units[0].code", "\"1\"", "$.units[0].code:", "2 digits" },
        { "units/06-bac-kan.json", "$.province.districts[0].communes[0].kind", "\"Hamlet\"", "$.province.districts[0].communes[0].kind:", "is not a commune kind" },
        { "rules/national-assembly-provincial.v2.json", "$.rules[2].base", "\"Candidates\"", "$.rules[2].base:", "does not fit population Elected" },
        { "rules/commune-council.v2.json", "$.rules[0].scope", "\"NationalList\"", "$.rules[0]:", "only the National Assembly has a national list" },
        { "rules/commune-council.v2.json", "$.rules[0].rounding", "\"ToTheNearestVote\"", "$.rules[0].rounding:", "could not be converted" },
        { "terms/2026-2031.json", "$.calendar[5].daysBeforeElection", "\"E-42\"", "$.calendar[5].daysBeforeElection:", "could not be converted" },
        { "terms/2026-2031.json", "$.councils", "[]", "$.councils:", "a term elects at least one council" },
        { "terms/2026-2031.json", "$.councils[0].ruleSet.version", "9", "$.councils[0].ruleSet:", "no quota rule set national-assembly-central v9" },
        { "terms/2026-2031.json", "$.calendar[0].appliesTo", "[\"DistrictCouncil\"]", "$.calendar:", "applies to a council the term does not elect: structure-projected" },
        { "units/2025/19-thai-nguyen.json", "$.province.communes[0].code", "\"1840\"", "$.province.communes[0].code:", "5 digits" },
        { "units/2025/19-thai-nguyen.json", "$.validFrom", "\"2024-01-01\"", "$.province.code:", "in no province list valid for the file's period" },
        { "units/2025/provinces.json", "$.validTo", "\"2025-01-01\"", "$.validTo:", "no earlier than it starts" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_seed_is_refused_naming_the_file_the_path_and_the_problem(
        string file, string path, string json, string reportedPath, string problem)
    {
        var seeds = Kept(CopyOfShippedSeeds());
        Break(Path.Combine(seeds, file), path, json);

        var refused = Assert.Throws<StartupRefusedException>(() => SeedCatalog.Load(seeds));

        Assert.Contains(Path.Combine(seeds, file), refused.Message, StringComparison.Ordinal);
        Assert.Contains(reportedPath, refused.Message, StringComparison.Ordinal);
        Assert.Contains(problem, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_province_file_without_a_period_takes_the_period_of_the_one_list_holding_its_province()
    {
        var seeds = ShippedSeedsWithout(["units", "06-bac-kan.json"], "validTo");

        var loaded = SeedCatalog.Load(seeds);

        Assert.Equal(new DateOnly(2025, 6, 30), loaded.Units.Find("01834")!.ValidTo);
    }

    [Fact]
    public void A_province_file_without_a_period_whose_code_two_lists_hold_is_refused()
    {
        var seeds = ShippedSeedsWithout(["units", "2025", "19-thai-nguyen.json"], "validFrom");

        var refused = Assert.Throws<StartupRefusedException>(() => SeedCatalog.Load(seeds));

        Assert.Contains("$.province.code: province 19 is in several province lists: say which period the file describes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_latest_term_is_the_latest_one_whose_election_day_has_provinces()
    {
        var seeds = Kept(CopyOfShippedSeeds());
        Directory.Delete(Path.Combine(seeds, "units", "2025"), recursive: true);

        Assert.Equal("2021-2026", SeedCatalog.Load(seeds).LatestTerm.Id);
        Assert.Equal("2026-2031", Shipped.LatestTerm.Id);
    }

    [Fact]
    public void A_missing_member_is_refused_with_its_name()
    {
        var seeds = ShippedSeedsWithout(["terms", "2021-2026.json"], "electionDay");

        var refused = Assert.Throws<StartupRefusedException>(() => SeedCatalog.Load(seeds));

        Assert.Contains("electionDay", refused.Message, StringComparison.Ordinal);
        Assert.Contains("$:", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_folder_without_terms_is_refused() =>
        Assert.Contains("must contain terms/ and units/",
            Assert.Throws<StartupRefusedException>(() => SeedCatalog.Load(Kept(TestDatabase.TemporaryFolder()))).Message, StringComparison.Ordinal);

    /// <summary>A copy of the shipped seeds in which one file lacks a top-level member.</summary>
    private string ShippedSeedsWithout(string[] file, string member)
    {
        var seeds = Kept(CopyOfShippedSeeds());
        var path = Path.Combine([seeds, .. file]);
        var node = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        node.Remove(member);
        File.WriteAllText(path, node.ToJsonString());
        return seeds;
    }

    private string Kept(string folder)
    {
        folders.Add(folder);
        return folder;
    }

    internal static string CopyOfShippedSeeds()
    {
        var copy = TestDatabase.TemporaryFolder();
        foreach (var file in Directory.GetFiles(SeedCatalog.DefaultPath, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(SeedCatalog.DefaultPath, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    /// <summary>Replaces the value at a simple JSON path ($.a.b[0].c) with the given JSON.</summary>
    internal static void Break(string file, string path, string json)
    {
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        var segments = path[2..].Replace("[", ".[", StringComparison.Ordinal).Split('.');
        var parent = segments[..^1].Aggregate(root, Step);
        var last = segments[^1];
        var value = JsonNode.Parse(json);
        if (last.StartsWith('[')) parent.AsArray()[Index(last)] = value;
        else parent.AsObject()[last] = value;
        File.WriteAllText(file, root.ToJsonString());
    }

    private static JsonNode Step(JsonNode node, string segment) =>
        segment.StartsWith('[') ? node.AsArray()[Index(segment)]! : node[segment]!;

    private static int Index(string segment) => int.Parse(segment.Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture);
}
