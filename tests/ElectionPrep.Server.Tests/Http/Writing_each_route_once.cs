using System.Reflection;
using System.Text.RegularExpressions;
using ElectionPrep.Infrastructure;

namespace ElectionPrep.Http;

/// <summary>
/// A path spelled out in a page or a test drifts from the route it means the day that route moves, and the page links
/// to nothing or the test checks nothing; <see cref="Routes"/> holds each path once.
/// </summary>
public partial class Writing_each_route_once
{
    /// <summary>A quoted text that begins with a slash: its first segment, and whether it is the bare root.</summary>
    [GeneratedRegex("\"(?<path>/(?<segment>[^/?#\"{@\\s\\\\]*)[^\"\\\\]*)")]
    private static partial Regex QuotedPath();

    /// <summary>The file system's root, the one bare slash in the tests that is not the dashboard.</summary>
    [GeneratedRegex("WorkingDirectory = $")]
    private static partial Regex FileSystemRoot();

    [Fact]
    public void No_page_or_test_spells_out_a_route()
    {
        var firstSegments = typeof(Routes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field is { IsLiteral: true } && field.FieldType == typeof(string))
            .Select(field => ((string)field.GetRawConstantValue()!).TrimStart('/').Split('/')[0])
            .Where(segment => segment.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
        var pages = Path.Combine(Repository.Root, "src", "ElectionPrep.Server", "Pages");
        var files = Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(pages, "*.cs", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(Repository.Root, "tests"), "*.cs", SearchOption.AllDirectories)
                .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(folder => folder is "bin" or "obj")));

        var literals = files
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .SelectMany(place => QuotedPath().Matches(place.line)
                .Where(match => IsRoute(match, place.line, firstSegments))
                .Select(match => $"{Path.GetRelativePath(Repository.Root, place.file)}:{place.number}: {match.Groups["path"].Value}"))
            .ToList();

        Assert.True(literals.Count == 0, "routes spelled out instead of taken from Routes:\n" + string.Join("\n", literals));
    }

    private static bool IsRoute(Match match, string line, HashSet<string> firstSegments)
    {
        var segment = match.Groups["segment"].Value;
        if (segment.Length > 0) return firstSegments.Contains(segment);
        var bareRoot = match.Groups["path"].Value.Length == 1 && line.Length > match.Index + 2 && line[match.Index + 2] == '"';
        return bareRoot && !FileSystemRoot().IsMatch(line[..match.Index]);
    }
}
