using System.Text.RegularExpressions;
using ElectionPrep.Infrastructure;

namespace ElectionPrep.Pages;

/// <summary>
/// Every form that acts through the API names what it did: forms.js shows that sentence in a banner on the page the
/// action leads to, so nobody is left wondering whether a reload recorded anything.
/// </summary>
public partial class Saying_what_was_done
{
    [GeneratedRegex("<form[^>]*data-api=[^>]*>", RegexOptions.Singleline)]
    private static partial Regex ApiForm();

    [Fact]
    public void Every_form_that_acts_through_the_api_says_what_it_did()
    {
        var pages = Directory.GetFiles(Path.Combine(Repository.Root, "src", "ElectionPrep.Server", "Pages"), "*.cshtml", SearchOption.AllDirectories);

        var forms = pages.SelectMany(page => ApiForm().Matches(File.ReadAllText(page)).Select(form => (Page: Path.GetFileName(page), Tag: form.Value))).ToList();

        Assert.True(forms.Count >= 19, $"only {forms.Count} forms found");
        Assert.All(forms, form => Assert.True(form.Tag.Contains("data-done=\"@", StringComparison.Ordinal), $"{form.Page}: {form.Tag}"));
    }
}
