using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ElectionPrep.Common;

namespace ElectionPrep.Http;

/// <summary>
/// What every request body must be before its validators look at it, whatever the endpoint: present, with no null in
/// a list, no control character in text (PostgreSQL refuses U+0000 after Marten has begun appending), no lone
/// surrogate, and no text longer than a bound. Each type is read by reflection once and cached.
/// </summary>
public static class RequestShape
{
    /// <summary>The bound on one-line text unless the property says otherwise with <see cref="MaxLengthAttribute"/>.</summary>
    public const int DefaultMaximumLength = 1_000;

    /// <summary>The bound on <see cref="MultiLineAttribute"/> text unless the property says otherwise.</summary>
    public const int MultiLineMaximumLength = 10_000;

    /// <summary>Where the body itself is named, as the JSON reader's own problems name it.</summary>
    public const string BodyField = "$";

    private static readonly BilingualText NullBody = new("Cần nội dung yêu cầu (JSON), không phải null.", "A request body (JSON) is required, not null.");
    private static readonly BilingualText NullElement = new("Danh sách không được chứa phần tử null.", "A list cannot hold a null element.");
    private static readonly BilingualText ControlCharacter = new(
        "Văn bản chứa ký tự điều khiển không được phép (U+0000–U+001F, U+007F).", "The text holds a control character that is not allowed (U+0000–U+001F, U+007F).");
    private static readonly BilingualText NotUnicode = new("Văn bản không phải Unicode hợp lệ.", "The text is not valid Unicode.");
    private static readonly BilingualText Missing = new("Trường này là bắt buộc, không được null.", "This field is required and cannot be null.");

    private static readonly ConcurrentDictionary<Type, Node> Roots = new();
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Member>> Members = new();

    /// <summary>
    /// The flaws of <paramref name="body"/>: <c>Malformed</c> are refused before the validators run; <c>Missing</c> (null
    /// where the type says a value is required) only after them, so a validator's own "required" message is heard first.
    /// </summary>
    public static (IReadOnlyList<FieldFlaw> Malformed, IReadOnlyList<FieldFlaw> Missing) Inspect<T>(T? body)
    {
        var malformed = new List<FieldFlaw>();
        var missing = new List<FieldFlaw>();
        if (body is null) malformed.Add(new FieldFlaw(BodyField, NullBody));
        else Walk(body, Roots.GetOrAdd(typeof(T), type => NodeFor(type, TextRule.Default)), "", malformed, missing);
        return (malformed, missing);
    }

    /// <summary>Why <paramref name="text"/> cannot be stored, or null: the same rule as for body text, for query and route values.</summary>
    public static BilingualText? TextFlaw(string text, bool multiLine = false, int maximumLength = DefaultMaximumLength)
    {
        if (text.Length > maximumLength) return TooLong(maximumLength);
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            if (character < ' ' || character == '\u007f')
            {
                if (!(multiLine && character is '\t' or '\r' or '\n')) return ControlCharacter;
            }
            else if (char.IsHighSurrogate(character) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(character))
            {
                return NotUnicode;
            }
        }

        return null;
    }

    private static BilingualText TooLong(int maximum) =>
        new($"Văn bản quá dài (tối đa {maximum} ký tự).", $"The text is too long ({maximum} characters at most).");

    private static void Walk(object value, Node node, string path, List<FieldFlaw> malformed, List<FieldFlaw> missing)
    {
        switch (node)
        {
            case Text text when value is string s && TextFlaw(s, text.Rule.MultiLine, text.Rule.MaximumLength) is { } flaw:
                malformed.Add(new FieldFlaw(Named(path), flaw));
                break;
            case Map map:
                foreach (var pair in (IEnumerable)value)
                {
                    var key = map.Key.GetValue(pair)!;
                    var keyPath = $"{path}.{key}";
                    Walk(key, map.KeyNode, keyPath, malformed, missing);
                    if (map.Value.GetValue(pair) is { } item) Walk(item, map.ValueNode, keyPath, malformed, missing);
                    else malformed.Add(new FieldFlaw(keyPath, NullElement));
                }

                break;
            case Sequence sequence:
                var index = 0;
                foreach (var element in (IEnumerable)value)
                {
                    var elementPath = $"{path}[{index++}]";
                    if (element is null) malformed.Add(new FieldFlaw(Named(elementPath), NullElement));
                    else Walk(element, sequence.Element, elementPath, malformed, missing);
                }

                break;
            case Record record:
                foreach (var member in MembersOf(record.Type))
                {
                    var memberPath = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
                    if (member.Property.GetValue(value) is { } memberValue) Walk(memberValue, member.Node, memberPath, malformed, missing);
                    else if (member.Required) missing.Add(new FieldFlaw(memberPath, Missing));
                }

                break;
        }
    }

    private static string Named(string path) => path.Length == 0 ? BodyField : path;

    private sealed record TextRule(bool MultiLine, int MaximumLength)
    {
        public static readonly TextRule Default = new(false, DefaultMaximumLength);

        public static TextRule For(ICustomAttributeProvider[] declarations)
        {
            var multiLine = declarations.Any(declaration => declaration.IsDefined(typeof(MultiLineAttribute), inherit: true));
            var declared = declarations.SelectMany(declaration => declaration.GetCustomAttributes(typeof(MaxLengthAttribute), inherit: true))
                .Cast<MaxLengthAttribute>().FirstOrDefault()?.Length;
            return new TextRule(multiLine, declared ?? (multiLine ? MultiLineMaximumLength : DefaultMaximumLength));
        }
    }

    private abstract record Node;

    private sealed record Leaf : Node
    {
        public static readonly Leaf Instance = new();
    }

    private sealed record Text(TextRule Rule) : Node;

    private sealed record Sequence(Node Element) : Node;

    private sealed record Map(PropertyInfo Key, Node KeyNode, PropertyInfo Value, Node ValueNode) : Node;

    /// <summary>One of our records; its members are read when first walked, so a type that holds itself is fine.</summary>
    private sealed record Record(Type Type) : Node;

    private sealed record Member(string Name, PropertyInfo Property, Node Node, bool Required);

    /// <summary>
    /// The node of a type under the text rule of the property holding it (the rule of a list of strings governs each
    /// string). Records stop the descent, so building never loops and the reflection is cached per record type.
    /// </summary>
    private static Node NodeFor(Type type, TextRule rule)
    {
        if (type == typeof(string)) return new Text(rule);
        if ((Implemented(type, typeof(IReadOnlyDictionary<,>)) ?? Implemented(type, typeof(IDictionary<,>))) is { } pair)
        {
            var entry = typeof(KeyValuePair<,>).MakeGenericType(pair);
            return new Map(entry.GetProperty("Key")!, NodeFor(pair[0], TextRule.Default), entry.GetProperty("Value")!, NodeFor(pair[1], rule));
        }

        if (Implemented(type, typeof(IEnumerable<>)) is [var element]) return new Sequence(NodeFor(element, rule));
        var ours = type.Namespace?.StartsWith(nameof(ElectionPrep), StringComparison.Ordinal) == true && !type.IsEnum;
        return ours ? new Record(type) : Leaf.Instance;
    }

    private static Type[]? Implemented(Type type, Type generic)
    {
        if (type == typeof(string)) return null;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == generic) return type.GetGenericArguments();
        return type.GetInterfaces().FirstOrDefault(candidate => candidate.IsGenericType && candidate.GetGenericTypeDefinition() == generic)?.GetGenericArguments();
    }

    private static IReadOnlyList<Member> MembersOf(Type type) => Members.GetOrAdd(type, candidate =>
    {
        var nullability = new NullabilityInfoContext();
        var parameters = candidate.GetConstructors().SelectMany(constructor => constructor.GetParameters())
            .GroupBy(parameter => parameter.Name!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
        return candidate.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            // Only what JSON can set: a computed property (a view built from the others) is not part of the request.
            .Where(property => property.GetIndexParameters().Length == 0 && property.GetMethod is not null
                && (property.SetMethod is not null || parameters.ContainsKey(property.Name))
                && !property.IsDefined(typeof(JsonIgnoreAttribute)))
            .Select(property =>
            {
                ICustomAttributeProvider[] declarations = parameters.TryGetValue(property.Name, out var parameter) ? [property, parameter] : [property];
                var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                var required = !property.PropertyType.IsValueType && nullability.Create(property).ReadState == NullabilityState.NotNull;
                return new Member(name, property, NodeFor(property.PropertyType, TextRule.For(declarations)), required);
            })
            .ToList();
    });
}
