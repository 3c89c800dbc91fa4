using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Workflows;
using FsCheck.Fluent;
using Marten;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.Http;

/// <summary>
/// A bounded property over the whole API as its OpenAPI document describes it: malformed bodies for every JSON POST
/// and malformed query values for every GET with query parameters never answer 5xx, and a refusal appends nothing.
/// The seed and the number of cases are fixed, so a failure replays; the tally goes to artifacts/reliability/fuzz.json.
/// The cases come from FsCheck generators sampled with that seed; each case that fails is reported whole, so it replays alone.
/// </summary>
public class Fuzzing_the_api(AppFixture fixture) : IntegrationContext(fixture)
{
    private const ulong Seed = 20211201;
    private const int Cases = 300;
    private const int LongText = 10_000;

    /// <summary>What is done to a valid-looking body or query value.</summary>
    public enum Mutation
    {
        NullBody, NotJson, NullField, NullElement, ControlCharacter, LongText, Negative, Huge, UnknownName, EnumAsNumber, WrongKind,
    }

    private sealed record Operation(string Method, string Route, JsonNode? Skeleton, IReadOnlyList<string> QueryParameters);

    private sealed record Case(int Operation, Mutation Mutation, int Where, int Variant);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly string[] ControlCharacters = ["\u0000", "\u0001", "\u001b", "\u007f", "\n", "\t"];

    [Fact]
    public async Task No_malformed_request_answers_5xx_or_appends_an_event_when_refused()
    {
        var driver = new ProcessDriver(Host);
        var process = await driver.OpenForDossiers("commune-council", "01834");
        var candidacy = await driver.File(process, "Nguyễn Thị Hoa", "001185000001");
        var document = await Host.Read<JsonElement>(Routes.OpenApiDocument);
        var (operations, withoutSchema) = Operations(document);
        // Each operation as the person the access rules let through (a chair of its acting body in the ward), so a case
        // reaches the checks of its input rather than stopping at a 403.
        var commune = Host.Services.GetRequiredService<WorkflowCatalog>().LatestFor(Terms.CouncilKind.CommuneCouncil);
        var access = AccessDeclarations.Endpoints(Host.Services.GetServices<EndpointDataSource>())
            .ToDictionary(endpoint => (endpoint.Method, endpoint.Route), endpoint => endpoint.Metadata.GetMetadata<AccessAttribute>());
        string TokenFor(Operation operation) => access.GetValueOrDefault((operation.Method, operation.Route)) switch
        {
            AdministersAttribute => TestUsers.Administrator,
            ReadsNationallyAttribute => TestUsers.Observer,
            AmendsCalendarAttribute => TestUsers.Of(Workflows.Body.NationalElectionCouncil, ActorRole.CommitteeChair, null),
            { } rule => TestUsers.Of(AccessMatrix.BodyOf(rule, operation.Route, commune) ?? Workflows.Body.FrontStandingBoard, ActorRole.CommitteeChair, AccessMatrix.Ward),
            null => TestUsers.Clerk,
        };

        var generator =
            from operation in Gen.Choose(0, operations.Count - 1)
            from mutation in Gen.Elements(Enum.GetValues<Mutation>())
            from place in Gen.Choose(0, 999)
            from variant in Gen.Choose(0, 999)
            select new Case(operation, mutation, place, variant);
        var cases = generator.Sample(Cases, new FsCheck.Rnd(Seed), 100);

        var statuses = new Dictionary<string, int>();
        var failures = new List<string>();
        var forbidden = new List<string>();
        foreach (var @case in cases)
        {
            var operation = operations[@case.Operation];
            var url = Fill(operation.Route, process, candidacy);
            var before = await EventCount();
            var result = await driver.Tracked(s =>
            {
                if (operation.Method == "POST")
                {
                    s.Post.Text(Body(operation, @case)).ToUrl(url);
                    s.ConfigureHttpContext(context => context.Request.ContentType = "application/json");
                }
                else
                {
                    s.Get.Url(url + Query(operation, @case));
                }

                s.WithBearerToken(TokenFor(operation));
                s.IgnoreStatusCode();
            });
            var status = result.Context.Response.StatusCode;
            statuses[$"{status}"] = statuses.GetValueOrDefault($"{status}") + 1;
            if (status == StatusCodes.Status403Forbidden) forbidden.Add($"{operation.Method} {operation.Route}: {await result.ReadAsTextAsync()}");
            if (status >= 500) failures.Add($"{status} {operation.Method} {operation.Route} {@case}: {await result.ReadAsTextAsync()}");
            else if (status >= 400 && await EventCount() != before) failures.Add($"{status} {operation.Method} {operation.Route} {@case} appended events");
        }

        var folder = Directory.CreateDirectory(Path.Combine(Repository.Root, "artifacts", "reliability")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "fuzz.json"), JsonSerializer.Serialize(new
        {
            seed = Seed,
            cases = cases.Length,
            postOperations = operations.Count(operation => operation.Method == "POST"),
            getOperationsWithQuery = operations.Count(operation => operation.Method == "GET"),
            statuses,
            serverErrors = failures.Count(failure => failure[0] == '5'),
            appendedAfterRefusal = failures.Count(failure => failure[0] != '5'),
            failures = failures.Take(20),
            postOperationsWithoutRequestSchema = withoutSchema,
        }, Indented));

        Assert.Empty(failures);
        Assert.True(forbidden.Count == 0, "every case is sent as one the access rules let through; a 403 tests nothing:\n" + string.Join("\n", forbidden));
    }

    private async Task<long> EventCount()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }

    /// <summary>Every POST with a JSON body and every GET with query parameters; and the JSON POSTs whose body has no schema.</summary>
    private static (IReadOnlyList<Operation> Operations, IReadOnlyList<string> WithoutSchema) Operations(JsonElement document)
    {
        var operations = new List<Operation>();
        var withoutSchema = new List<string>();
        var components = document.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (path.Value.TryGetProperty("post", out var post)
                && post.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json))
            {
                if (json.TryGetProperty("schema", out var schema)) operations.Add(new Operation("POST", path.Name, Skeleton(schema, components, 0), []));
                else withoutSchema.Add(path.Name);
            }

            if (path.Value.TryGetProperty("get", out var get) && get.TryGetProperty("parameters", out var parameters))
            {
                var query = parameters.EnumerateArray().Where(parameter => parameter.GetProperty("in").GetString() == "query")
                    .Select(parameter => parameter.GetProperty("name").GetString()!).ToList();
                if (query.Count > 0) operations.Add(new Operation("GET", path.Name, null, query));
            }
        }

        return (operations, withoutSchema);
    }

    /// <summary>A body of the schema's shape with a plausible value everywhere, for the mutations to spoil.</summary>
    private static JsonNode? Skeleton(JsonElement schema, JsonElement components, int depth)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return depth > 8 || components.ValueKind != JsonValueKind.Object || !components.TryGetProperty(name, out var target) ? null : Skeleton(target, components, depth + 1);
        }

        if (schema.TryGetProperty("enum", out var names) && names.EnumerateArray().FirstOrDefault(name => name.ValueKind != JsonValueKind.Null) is { ValueKind: not JsonValueKind.Undefined } first)
        {
            return JsonNode.Parse(first.GetRawText());
        }

        foreach (var combined in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combined, out var options))
            {
                return options.EnumerateArray().Select(option => Skeleton(option, components, depth + 1)).FirstOrDefault(node => node is not null);
            }
        }

        var type = !schema.TryGetProperty("type", out var declared) ? (schema.TryGetProperty("properties", out _) ? "object" : null)
            : declared.ValueKind == JsonValueKind.Array ? declared.EnumerateArray().Select(kind => kind.GetString()).FirstOrDefault(kind => kind != "null")
            : declared.GetString();
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return type switch
        {
            "object" when schema.TryGetProperty("properties", out var properties) =>
                new JsonObject(properties.EnumerateObject().Select(property => KeyValuePair.Create(property.Name, Skeleton(property.Value, components, depth + 1)))),
            "object" => new JsonObject(),
            "array" => new JsonArray(schema.TryGetProperty("items", out var items) ? Skeleton(items, components, depth + 1) : JsonValue.Create("a")),
            "integer" or "number" => JsonValue.Create(1),
            "boolean" => JsonValue.Create(true),
            "string" => JsonValue.Create(format switch { "date" => "2021-03-01", "date-time" => "2021-03-01T08:00:00+07:00", _ => "abc" }),
            _ => null,
        };
    }

    private static string Body(Operation operation, Case @case)
    {
        switch (@case.Mutation)
        {
            case Mutation.NullBody: return "null";
            case Mutation.NotJson: return @case.Variant % 2 == 0 ? "{\"a\":" : "";
        }

        var body = operation.Skeleton?.DeepClone() ?? new JsonObject();
        var places = Places(body).ToList();
        var replacement = @case.Mutation switch
        {
            Mutation.NullField => null,
            Mutation.ControlCharacter => JsonValue.Create($"a{ControlCharacters[@case.Variant % ControlCharacters.Length]}b"),
            Mutation.LongText => JsonValue.Create(new string('x', LongText)),
            Mutation.Negative => JsonValue.Create(@case.Variant % 2 == 0 ? -1 : int.MinValue),
            Mutation.Huge => JsonNode.Parse(@case.Variant % 2 == 0 ? "99999999999999999999" : "1e308"),
            Mutation.UnknownName => JsonValue.Create("NoSuchName"),
            Mutation.EnumAsNumber => JsonValue.Create(5),
            Mutation.WrongKind => (@case.Variant % 4) switch { 0 => new JsonObject(), 1 => new JsonArray(), 2 => JsonValue.Create(true), _ => JsonValue.Create("12") },
            _ => (JsonNode?)null,
        };
        if (@case.Mutation == Mutation.NullElement)
        {
            var lists = places.Select(place => place.Node).OfType<JsonArray>().ToList();
            if (lists.Count > 0) lists[@case.Where % lists.Count].Add(null);
            else if (body is JsonObject root && places.Count > 0) root[places[@case.Where % places.Count].Key ?? "items"] = new JsonArray((JsonNode?)null);
            return body.ToJsonString();
        }

        if (places.Count == 0) return replacement?.ToJsonString() ?? "null";
        var (parent, key, index, _) = places[@case.Where % places.Count];
        if (key is not null) ((JsonObject)parent)[key] = replacement;
        else ((JsonArray)parent)[index] = replacement;
        return body.ToJsonString();
    }

    /// <summary>Every value in the body, with where it sits.</summary>
    private static IEnumerable<(JsonNode Parent, string? Key, int Index, JsonNode? Node)> Places(JsonNode node)
    {
        switch (node)
        {
            case JsonObject @object:
                foreach (var (key, value) in @object.ToList())
                {
                    yield return (@object, key, -1, value);
                    if (value is not null) foreach (var inner in Places(value)) yield return inner;
                }

                break;
            case JsonArray array:
                for (var index = 0; index < array.Count; index++)
                {
                    yield return (array, null, index, array[index]);
                    if (array[index] is { } value) foreach (var inner in Places(value)) yield return inner;
                }

                break;
        }
    }

    private static string Query(Operation operation, Case @case)
    {
        var name = operation.QueryParameters[@case.Where % operation.QueryParameters.Count];
        var value = @case.Mutation switch
        {
            Mutation.ControlCharacter => $"a{ControlCharacters[@case.Variant % ControlCharacters.Length]}b",
            Mutation.LongText => new string('x', LongText),
            Mutation.Negative => "-1",
            Mutation.Huge => "99999999999999999999",
            Mutation.EnumAsNumber => "7",
            Mutation.UnknownName => "NoSuchName",
            Mutation.NullField or Mutation.NullBody => "",
            Mutation.WrongKind => "true",
            _ => "%",
        };
        return $"?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
    }

    /// <summary>Route placeholders lead to real streams, so a request reaches validation rather than a 404.</summary>
    private static string Fill(string route, string process, string candidacy)
    {
        var id = route.StartsWith(Routes.Conference, StringComparison.Ordinal) ? ConsultationConference.IdFor(process, 1)
            : route.StartsWith(Routes.Candidacy, StringComparison.Ordinal) ? candidacy
            : process;
        var values = new Dictionary<string, string>
        {
            ["id"] = id, ["stepId"] = "structure-projected", ["motionId"] = "ket-qua", ["complaintId"] = "c-1", ["name"] = "thu.ky",
            ["jurisdictionCode"] = "01834", ["sequence"] = "0", ["streamId"] = process,
        };
        var url = new StringBuilder();
        foreach (var segment in route.Split('/'))
        {
            if (url.Length > 0 || segment.Length > 0) url.Append('/');
            url.Append(segment.StartsWith('{') ? Uri.EscapeDataString(values.GetValueOrDefault(segment.Trim('{', '}'), "x")) : segment);
        }

        return url.ToString();
    }
}
