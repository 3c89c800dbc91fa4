using System.Text.Json;

namespace ElectionPrep.Infrastructure;

/// <summary>
/// Figures a test measured (cells of the access matrix checked, fuzz cases tried, kill -9 runs), kept in
/// artifacts/reliability/ so docs/reliability.md quotes a real run rather than a claim.
/// </summary>
public static class Reliability
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Record(string name, object figures)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Repository.Root, "artifacts", "reliability")).FullName;
        File.WriteAllText(Path.Combine(folder, $"{name}.json"), JsonSerializer.Serialize(new { recordedAt = DateTimeOffset.UtcNow, figures }, Indented));
    }
}
