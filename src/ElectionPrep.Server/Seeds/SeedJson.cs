using System.Text.Json;
using System.Text.Json.Serialization;
using ElectionPrep.Common;

namespace ElectionPrep.Seeds;

/// <summary>How seed files are read: camelCase, enums by name, shares as "35%" or "2/3", required members enforced.</summary>
public static class SeedJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false), new FractionConverter() },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>
    /// For files already checked against a JSON Schema that forbids unknown members: members such as "$schema"
    /// are then passed over instead of refused.
    /// </summary>
    public static readonly JsonSerializerOptions SchemaCheckedOptions = new(Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    private sealed class FractionConverter : JsonConverter<Fraction>
    {
        public override Fraction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return Fraction.TryParse(text, out var fraction)
                ? fraction
                : throw new JsonException($"expected a share such as \"35%\" or \"2/3\", found {(text is null ? reader.TokenType.ToString() : $"\"{text}\"")}");
        }

        public override void Write(Utf8JsonWriter writer, Fraction value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
