using System.Globalization;
using System.Text;
using System.Text.Json;
using ElectionPrep.Database;
using FluentValidation;
using FluentValidation.Results;

namespace ElectionPrep.Seeds;

/// <summary>Reads one seed file, naming the file, the JSON path and the problem when it is broken.</summary>
public static class SeedFile
{
    public static T Read<T>(string file, IValidator<T>? validator = null)
    {
        T? value;
        try
        {
            using var stream = File.OpenRead(file);
            value = JsonSerializer.Deserialize<T>(stream, SeedJson.Options);
        }
        catch (JsonException problem)
        {
            throw Refused(file, [(problem.Path ?? "$", FirstSentence(problem.Message))]);
        }
        catch (IOException problem)
        {
            throw Refused(file, [("$", problem.Message)]);
        }

        if (value is null) throw Refused(file, [("$", "the file is empty (null)")]);
        var result = validator?.Validate(value);
        if (result is { IsValid: false })
        {
            throw Refused(file, result.Errors.Select(error => (JsonPath(error), error.ErrorMessage)).ToList());
        }

        return value;
    }

    public static StartupRefusedException Refused(string file, IReadOnlyList<(string Path, string Problem)> problems)
    {
        var message = new StringBuilder($"Seed file {file} is invalid; start-up stopped.");
        foreach (var (path, problem) in problems) message.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}  {path}: {problem}");
        return new StartupRefusedException(message.ToString());
    }

    // System.Text.Json appends its own "Path: … | LineNumber: …" to messages; the path is reported separately.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>"Calendar[2].DaysBeforeElection" becomes "$.calendar[2].daysBeforeElection".</summary>
    private static string JsonPath(ValidationFailure error) =>
        "$" + string.Concat(error.PropertyName.Split('.').Select(segment => "." + JsonNamingPolicy.CamelCase.ConvertName(segment)));
}
