using System.Reflection;
using System.Text.RegularExpressions;
using ElectionPrep.Common;
using ElectionPrep.Infrastructure;

namespace ElectionPrep.Documentation;

/// <summary>
/// docs/glossary.md maps each Vietnamese term to the identifier that carries it; a renamed or removed type leaves the
/// row naming something that no longer exists, and the next reader looks for it in vain.
/// </summary>
public partial class Keeping_the_glossary_true
{
    [GeneratedRegex("`([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*)`")]
    private static partial Regex Identifier();

    /// <summary>A remark in brackets, which may quote a key of the data files rather than an identifier.</summary>
    [GeneratedRegex("\\([^)]*\\)")]
    private static partial Regex Remark();

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    [Fact]
    public void Every_identifier_the_glossary_names_is_in_the_code()
    {
        var types = new[] { typeof(Decision).Assembly, typeof(Program).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => !type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .ToList();
        // Attributes are named as they are written on code: [ActsOn] for ActsOnAttribute.
        var typesByName = types.SelectMany(type => new[] { type.Name.Split('`')[0], type.Name.Split('`')[0].Replace("Attribute", "", StringComparison.Ordinal) }
            .Distinct().Select(name => (name, type))).ToLookup(pair => pair.name, pair => pair.type);
        var memberNames = types.SelectMany(type => type.GetMembers(Declared)).Select(member => member.Name).ToHashSet();

        var missing = IdentifierColumn(File.ReadAllLines(Path.Combine(Repository.Root, "docs", "glossary.md")))
            .Where(identifier => !Exists(identifier, typesByName, memberNames))
            .ToList();

        Assert.True(missing.Count == 0, "the glossary names identifiers the code does not have: " + string.Join(", ", missing));
    }

    /// <summary>The identifiers in the second column of the glossary's table rows.</summary>
    private static IEnumerable<string> IdentifierColumn(IEnumerable<string> lines) =>
        lines.Where(line => line.StartsWith('|'))
            .Select(line => line.Split('|'))
            .Where(cells => cells.Length > 3)
            .SelectMany(cells => Identifier().Matches(Remark().Replace(cells[2], "")).Select(match => match.Groups[1].Value));

    /// <summary>A bare name is a type or a member anywhere; A.B.C is type A whose members (or nested types) lead to C.</summary>
    private static bool Exists(string identifier, ILookup<string, Type> typesByName, HashSet<string> memberNames)
    {
        var parts = identifier.Split('.');
        if (parts.Length == 1) return typesByName.Contains(identifier) || memberNames.Contains(identifier);

        return typesByName[parts[0]].Any(type => Leads(type, parts[1..]));
    }

    private static bool Leads(Type type, string[] path) =>
        path.Length == 0 || type.GetMember(path[0], Declared).Any(member => member switch
        {
            Type nested => Leads(nested, path[1..]),
            PropertyInfo property => Leads(property.PropertyType, path[1..]),
            FieldInfo field => path.Length == 1 || Leads(field.FieldType, path[1..]),
            _ => path.Length == 1,
        });
}
