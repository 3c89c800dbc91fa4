using System.Text.Json.Nodes;
using ElectionPrep.Common;
using ElectionPrep.Database;
using ElectionPrep.Quotas;
using ElectionPrep.Terms;

namespace ElectionPrep.Seeds;

public sealed class Loading_the_rule_sets : IDisposable
{
    private static readonly SeedCatalog Shipped = SeedCatalog.Load(SeedCatalog.DefaultPath);

    private readonly List<string> folders = [];

    public void Dispose()
    {
        foreach (var folder in folders) Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData(CouncilKind.NationalAssemblyProvincial, "national-assembly-provincial")]
    [InlineData(CouncilKind.CommuneCouncil, "commune-council")]
    public void The_2021_term_keeps_its_first_rule_sets(CouncilKind council, string id) =>
        Assert.Equal((id, 1), (Shipped.RuleSetFor("2021-2026", council).Id, Shipped.RuleSetFor("2021-2026", council).Version));

    [Theory]
    [InlineData(CouncilKind.NationalAssemblyCentral, "national-assembly-central")]
    [InlineData(CouncilKind.NationalAssemblyProvincial, "national-assembly-provincial")]
    [InlineData(CouncilKind.ProvincialCouncil, "provincial-council")]
    [InlineData(CouncilKind.CommuneCouncil, "commune-council")]
    public void The_2026_2031_term_binds_the_rule_sets_of_NQ_1891_and_NQ_107(CouncilKind council, string id)
    {
        var ruleSet = Shipped.RuleSetFor("2026-2031", council);

        Assert.Equal((id, 2), (ruleSet.Id, ruleSet.Version));
    }

    /// <summary>A title is read by people, the share by the evaluation: a share changed in one and not the other would mislead.</summary>
    [Fact]
    public void Every_share_a_rule_title_names_is_the_rule_s_own_share() =>
        Assert.All(Shipped.RuleSets.SelectMany(set => set.Rules.Select(rule => (set, rule))), pair =>
        {
            var shares = new[] { pair.rule.AtLeastShare, pair.rule.AtMostShare }.OfType<Fraction>().Select(share => share.Percent).ToHashSet();
            var named = new[] { pair.rule.Title.Vi, pair.rule.Title.En }
                .SelectMany(title => System.Text.RegularExpressions.Regex.Matches(title, @"(\d+)(?:–(\d+))?%"))
                .SelectMany(match => match.Groups.Values.Skip(1).Where(group => group.Success))
                .Select(group => decimal.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.All(named, percent => Assert.True(shares.Contains(percent), $"{pair.set.Id} v{pair.set.Version} {pair.rule.Id}: its title names {percent}%, its shares are {string.Join(", ", shares)}%"));
        });

    [Fact]
    public void The_2026_National_Assembly_women_and_ethnic_minority_shares_bind_the_national_list() =>
        Assert.All(Shipped.RuleSetFor("2026-2031", CouncilKind.NationalAssemblyProvincial).Rules.Where(rule => rule.Severity == TargetSeverity.Requirement),
            rule => Assert.Equal(QuotaScope.NationalList, rule.Scope));

    [Fact]
    public void The_2026_figures_one_source_gives_are_marked_unconfirmed() =>
        Assert.Equal(["council-re-elected", "council-young"],
            Shipped.RuleSetFor("2026-2031", CouncilKind.CommuneCouncil).Rules.Where(rule => !rule.Source.Confirmed).Select(rule => rule.Id).Order());

    [Fact]
    public void A_rule_without_its_base_is_refused_naming_it()
    {
        var seeds = Kept(Loading_the_seeds.CopyOfShippedSeeds());
        var file = Path.Combine(seeds, "rules", "commune-council.v2.json");
        var ruleSet = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        ruleSet["rules"]![0]!.AsObject().Remove("base");
        File.WriteAllText(file, ruleSet.ToJsonString());

        var refused = Assert.Throws<StartupRefusedException>(() => SeedCatalog.Load(seeds));

        Assert.Contains("base", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_term_binding_a_rule_set_not_yet_in_force_on_its_election_day_is_refused()
    {
        var seeds = Kept(Loading_the_seeds.CopyOfShippedSeeds());
        var file = Path.Combine(seeds, "rules", "commune-council.v1.json");
        Loading_the_seeds.Break(file, "$.effectiveFrom", "\"2021-06-01\"");

        var refused = Assert.Throws<StartupRefusedException>(() => SeedCatalog.Load(seeds));

        Assert.Contains("$.councils[4].ruleSet", refused.Message, StringComparison.Ordinal);
        Assert.Contains("comes into force on 2021-06-01, after the term's election day 2021-05-23", refused.Message, StringComparison.Ordinal);
    }

    private string Kept(string folder)
    {
        folders.Add(folder);
        return folder;
    }
}
