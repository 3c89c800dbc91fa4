using System.Reflection;
using ElectionPrep.Common;
using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine.Http;

namespace ElectionPrep.Http;

/// <summary>The query parameters of an endpoint that are enums, by name: read from its method once, at start-up.</summary>
public sealed record QueryEnums(IReadOnlyDictionary<string, Type> ByName);

/// <summary>The query parameters of an endpoint that are moments (<see cref="DateTimeOffset"/>), by name.</summary>
public sealed record QueryMoments(IReadOnlySet<string> Names);

/// <summary>
/// Query and route values of the API (/api) are checked before an endpoint sees them: no control character or over-long text
/// (the body's rule), an enum only by one of its names, since a number such as <c>?council=-1</c> parses to a
/// value the enum does not define, and a moment only as a time with its offset, said in both languages. Pages are left out: checking theirs broke the account page's form in the browser
/// (cause not yet found).
/// </summary>
public static class QueryValues
{
    /// <summary>Marks each Wolverine endpoint with its enum query parameters.</summary>
    public sealed class Policy : IHttpPolicy
    {
        public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
        {
            foreach (var chain in chains)
            {
                var routed = chain.RoutePattern?.Parameters.Select(parameter => parameter.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
                var queried = chain.Method.Method.GetParameters()
                    .Where(parameter => parameter.Name is not null && !routed.Contains(parameter.Name) && parameter.ParameterType != chain.RequestType)
                    .Select(parameter => (Name: QueryName(parameter), Type: Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType))
                    .ToList();
                var enums = queried.Where(parameter => parameter.Type.IsEnum)
                    .ToDictionary(parameter => parameter.Name, parameter => parameter.Type, StringComparer.OrdinalIgnoreCase);
                if (enums.Count > 0) chain.Metadata.WithMetadata(new QueryEnums(enums));
                var moments = queried.Where(parameter => parameter.Type == typeof(DateTimeOffset)).Select(parameter => parameter.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                if (moments.Count > 0) chain.Metadata.WithMetadata(new QueryMoments(moments));
            }
        }

        private static string QueryName(ParameterInfo parameter) =>
            parameter.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>()?.Name ?? parameter.Name!;
    }

    public static IApplicationBuilder UseQueryValueChecks(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var api = context.Request.Path.StartsWithSegments(Routes.Api);
            if (api) RestoreOffsets(context);
            var flaws = api ? Flaws(context).ToList() : [];
            if (flaws.Count > 0)
            {
                await Problems.Invalid(flaws).ExecuteAsync(context);
                return;
            }

            await next(context);
        });

    private static IEnumerable<FieldFlaw> Flaws(HttpContext context)
    {
        var enums = context.GetEndpoint()?.Metadata.GetMetadata<QueryEnums>()?.ByName;
        var moments = context.GetEndpoint()?.Metadata.GetMetadata<QueryMoments>()?.Names;
        foreach (var (name, values) in context.Request.Query)
        {
            if (RequestShape.TextFlaw(name) is { } badName)
            {
                yield return new FieldFlaw(Printable(name), badName);
                continue;
            }

            foreach (var value in values)
            {
                if (value is null) continue;
                if (RequestShape.TextFlaw(value) is { } badValue) yield return new FieldFlaw(name, badValue);
                else if (enums?.GetValueOrDefault(name) is { } type && !IsName(type, value)) yield return new FieldFlaw(name, NotANameOf(type));
                else if (moments?.Contains(name) == true && !Moments.TryParse(value, out _)) yield return new FieldFlaw(name, Moments.NotAMoment);
            }
        }

        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is string text && RequestShape.TextFlaw(text) is { } badValue) yield return new FieldFlaw(name, badValue);
        }
    }

    /// <summary>
    /// A '+' typed into an address arrives as a space, so "08:00+07:00" reads "08:00 07:00": a moment's offset is put back
    /// before the endpoint parses it, and "+07:00" works as "Z" does.
    /// </summary>
    private static void RestoreOffsets(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<QueryMoments>()?.Names is not { } moments) return;
        var query = context.Request.Query;
        if (!query.Any(pair => moments.Contains(pair.Key) && pair.Value.Any(value => value is not null && Moments.LostPlus(value) != value))) return;

        context.Request.Query = new QueryCollection(query.ToDictionary(
            pair => pair.Key,
            pair => moments.Contains(pair.Key) ? new Microsoft.Extensions.Primitives.StringValues([.. pair.Value.Select(value => value is null ? null : Moments.LostPlus(value))]) : pair.Value,
            StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>A defined name, in any case as Wolverine parses it; never a number, which would parse to any value.</summary>
    private static bool IsName(Type type, string value) =>
        value.Length > 0 && !char.IsDigit(value[0]) && value[0] is not ('-' or '+') && !value.Contains(',')
        && Enum.TryParse(type, value, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed!);

    private static BilingualText NotANameOf(Type type)
    {
        var names = string.Join(", ", Enum.GetNames(type));
        return new BilingualText($"Giá trị không hợp lệ; dùng một trong: {names}.", $"Not an allowed value; use one of: {names}.");
    }

    /// <summary>A bad parameter name is shown with its control characters escaped, never echoed raw.</summary>
    private static string Printable(string name) =>
        string.Concat(name.Select(character => char.IsControl(character) || char.IsSurrogate(character) ? $"\\u{(int)character:x4}" : character.ToString()));
}
