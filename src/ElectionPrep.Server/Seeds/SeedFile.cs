using System.Globalization;
using System.Text;
using System.Text.Json;
using ElectionPrep.Database;
using FluentValidation;

namespace ElectionPrep.Seeds;

/// <summary>One problem in a data file: which file, where in it (a JSON path) and what is wrong.</summary>
public sealed record FileProblem(string File, string Path, string Problem)
{
    public override string ToString() => $"{File}: {Path}: {Problem}";
}

/// <summary>Reads data files (seeds, workflow definitions), naming the file, the JSON path and the problem when one is broken.</summary>
public static class SeedFile
{
    public static T Read<T>(string file, IValidator<T>? validator = null)
    {
        var (value, problems) = TryRead(file, validator);
        return problems.Count == 0 ? value! : throw Refused(file, problems.Select(problem => (problem.Path, problem.Problem)).ToList());
    }

    public static (T? Value, IReadOnlyList<FileProblem> Problems) TryRead<T>(string file, IValidator<T>? validator = null, JsonSerializerOptions? options = null)
    {
        T? value;
        try
        {
            using var stream = File.OpenRead(file);
            value = JsonSerializer.Deserialize<T>(stream, options ?? SeedJson.Options);
        }
        catch (JsonException problem)
        {
            return (default, [new FileProblem(file, problem.Path ?? "$", FirstSentence(problem.Message))]);
        }
        catch (IOException problem)
        {
            return (default, [new FileProblem(file, "$", problem.Message)]);
        }

        if (value is null) return (default, [new FileProblem(file, "$", "the file is empty (null)")]);
        var result = validator?.Validate(value);
        return result is { IsValid: false }
            ? (value, result.Errors.Select(error => new FileProblem(file, JsonPath(error.PropertyName), error.ErrorMessage)).ToList())
            : (value, []);
    }

    public static StartupRefusedException Refused(string file, IReadOnlyList<(string Path, string Problem)> problems)
    {
        var message = new StringBuilder($"Seed file {file} is invalid; start-up stopped.");
        foreach (var (path, problem) in problems) message.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}  {path}: {problem}");
        return new StartupRefusedException(message.ToString());
    }

    /// <summary>"Calendar[2].DaysBeforeElection" becomes "$.calendar[2].daysBeforeElection".</summary>
    public static string JsonPath(string propertyName) =>
        string.IsNullOrEmpty(propertyName)
            ? "$"
            : "$" + string.Concat(propertyName.Split('.').Select(segment => "." + JsonNamingPolicy.CamelCase.ConvertName(segment)));

    // System.Text.Json appends its own "Path: … | LineNumber: …" to messages; the path is reported separately.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
