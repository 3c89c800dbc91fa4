using ElectionPrep.Infrastructure;

namespace ElectionPrep.Seeds;

public class Starting_with_a_broken_seed
{
    [Fact]
    public async Task The_server_prints_the_file_path_and_problem_alone_and_exits_with_1()
    {
        var seeds = Loading_the_seeds.CopyOfShippedSeeds();
        Loading_the_seeds.Break(Path.Combine(seeds, "terms", "2021-2026.json"), "$.electionDay", "\"23/05/2021\"");
        try
        {
            await using var server = ServerProcess.Start(new Dictionary<string, string>
            {
                ["Seeds__Path"] = seeds,
                // Never reached: the seeds are checked before any database is started.
                ["EmbeddedDatabase__DataDirectory"] = Path.Combine(seeds, "must-not-be-created"),
            });

            Assert.Equal(1, await server.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains($"Seed file {Path.Combine(seeds, "terms", "2021-2026.json")} is invalid; start-up stopped.", server.Output, StringComparison.Ordinal);
            Assert.Contains("$.electionDay:", server.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", server.Output, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(seeds, "must-not-be-created")));
        }
        finally
        {
            Directory.Delete(seeds, recursive: true);
        }
    }
}
