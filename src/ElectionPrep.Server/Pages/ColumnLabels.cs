using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ElectionPrep.Pages;

/// <summary>
/// Gives every data cell of a table its column's header as <c>data-label</c>, so that on a phone, where site.css stacks each
/// row into a card, every value reads beside the name of what it is. Done here once for every table, those whose rows come
/// from a partial included, rather than by hand in each page: the header row of the table being written is kept for the
/// request, and a table starts afresh. A cell spanning columns, or labelled already, is left as it is.
/// </summary>
[HtmlTargetElement("table")]
[HtmlTargetElement("thead")]
[HtmlTargetElement("tbody")]
[HtmlTargetElement("tfoot")]
[HtmlTargetElement("tr")]
[HtmlTargetElement("th")]
[HtmlTargetElement("td")]
public sealed partial class ColumnLabels : TagHelper
{
    private sealed class Table
    {
        public readonly List<string> Headers = [];
        public bool InHead;
        public int Column;
    }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var items = ViewContext.HttpContext.Items;
        if (output.TagName == "table" || items[typeof(Table)] is not Table table)
        {
            items[typeof(Table)] = new Table();
            return;
        }

        switch (output.TagName)
        {
            case "thead":
                table.InHead = true;
                return;
            case "tbody" or "tfoot":
                table.InHead = false;
                return;
            case "tr":
                table.Column = 0;
                return;
            case "th" when table.InHead:
                var header = WebUtility.HtmlDecode(Tags().Replace((await output.GetChildContentAsync()).GetContent(), "")).Trim();
                while (table.Headers.Count <= table.Column) table.Headers.Add("");
                table.Headers[table.Column] = header;
                break;
            case "td" when !output.Attributes.ContainsName("colspan") && !output.Attributes.ContainsName("data-label")
                           && table.Column < table.Headers.Count && table.Headers[table.Column] is { Length: > 0 } label:
                output.Attributes.SetAttribute("data-label", label);
                break;
        }

        table.Column += output.Attributes.TryGetAttribute("colspan", out var span) && int.TryParse(span.Value?.ToString(), CultureInfo.InvariantCulture, out var columns) ? columns : 1;
    }
}
