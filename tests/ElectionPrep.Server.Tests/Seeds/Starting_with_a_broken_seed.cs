using ElectionPrep.Infrastructure;

namespace ElectionPrep.Seeds;

public class Starting_with_a_broken_seed
{
    [Theory]
    [InlineData("2021-2026.json", "$.electionDay", "\"23/05/2021\"", "$.electionDay:")]
    [InlineData("2026-2031.json", "$.councils[2].ruleSet.version", "0", "$.councils[2].ruleSet.version: a version counts from 1")]
    public async Task The_server_prints_the_file_path_and_problem_alone_and_exits_with_1(string termFile, string path, string json, string reported)
    {
        var seeds = Loading_the_seeds.CopyOfShippedSeeds();
        Loading_the_seeds.Break(Path.Combine(seeds, "terms", termFile), path, json);
        try
        {
            await using var server = ServerProcess.Start(new Dictionary<string, string>
            {
                ["Seeds__Path"] = seeds,
                // Never reached: the seeds are checked before any database is started.
                ["EmbeddedDatabase__DataDirectory"] = Path.Combine(seeds, "must-not-be-created"),
            });

            Assert.Equal(1, await server.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains($"Seed file {Path.Combine(seeds, "terms", termFile)} is invalid; start-up stopped.", server.Output, StringComparison.Ordinal);
            Assert.Contains(reported, server.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", server.Output, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(seeds, "must-not-be-created")));
        }
        finally
        {
            Directory.Delete(seeds, recursive: true);
        }
    }
}
