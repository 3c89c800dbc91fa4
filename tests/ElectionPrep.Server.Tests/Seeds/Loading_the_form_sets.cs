using ElectionPrep.Database;
using ElectionPrep.Forms;
using ElectionPrep.Infrastructure;

namespace ElectionPrep.Seeds;

/// <summary>The election forms' texts are data: each term prints with the set in force on its election day, and a term without one stops start-up.</summary>
public class Loading_the_form_sets
{
    private static readonly string ShippedSeeds = Path.Combine(Repository.Root, "seeds");

    [Fact]
    public void The_2021_term_prints_with_the_2021_forms()
    {
        var seeds = SeedCatalog.Load(ShippedSeeds);

        var forms = FormCatalog.Load(ShippedSeeds, seeds).For(seeds.TermOf("2021-2026"));

        Assert.Equal("nq-41-2021", forms.Id);
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", forms.Heading.Nation);
    }

    [Fact]
    public void The_2026_term_prints_with_the_forms_of_NQ_40_of_2025()
    {
        var seeds = SeedCatalog.Load(ShippedSeeds);

        var forms = FormCatalog.Load(ShippedSeeds, seeds).For(seeds.TermOf("2026-2031"));

        Assert.Equal("nq-40-2025", forms.Id);
        Assert.Contains(forms.Source.Basis, basis => basis.Instrument == "NQ 40/NQ-HĐBCQG");
    }

    [Fact]
    public void A_term_no_form_set_applies_to_stops_start_up_naming_it()
    {
        var copy = Repository.CopyOf(ShippedSeeds);
        foreach (var file in Directory.GetFiles(Path.Combine(copy, "forms"))) File.Delete(file);

        var refused = Assert.Throws<StartupRefusedException>(() => FormCatalog.Load(copy, SeedCatalog.Load(copy)));

        Assert.Contains("2021-2026", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_form_set_missing_a_form_stops_start_up_naming_the_file()
    {
        var copy = Repository.CopyOf(ShippedSeeds);
        var file = Path.Combine(copy, "forms", "nq-41-2021.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"form\": \"OfficialList\"", "\"form\": \"PreliminaryList\"", StringComparison.Ordinal));

        var refused = Assert.Throws<StartupRefusedException>(() => FormCatalog.Load(copy, SeedCatalog.Load(copy)));

        Assert.Contains("nq-41-2021.json", refused.Message, StringComparison.Ordinal);
        Assert.Contains("every form kind needs exactly one template", refused.Message, StringComparison.Ordinal);
    }
}
