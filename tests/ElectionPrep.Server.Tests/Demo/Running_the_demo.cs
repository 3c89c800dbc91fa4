using System.Text.Json;
using System.Text.RegularExpressions;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Seeds;

namespace ElectionPrep.Demo;

/// <summary>
/// `-- demo` as a newcomer runs it: the real server process seeds a province through its own API, prints where to go and
/// who to be, and a second start on the same data seeds nothing again.
/// </summary>
public class Running_the_demo
{
    private const string Ward = "2021-2026.commune-council.01834";
    private const string Clerk = "thu.ky.phuong";

    private static readonly DemoSeed Seed = DemoSeedValidator.Load(SeedCatalog.DefaultPath);

    [Fact]
    public async Task The_ward_clerk_finds_round_two_in_session_with_the_dossiers_and_a_restart_seeds_nothing_twice()
    {
        var folder = TestDatabase.TemporaryFolder();
        var environment = new Dictionary<string, string> { ["EmbeddedDatabase__DataDirectory"] = folder };
        try
        {
            await using (var server = ServerProcess.Start(environment, DemoMode.Command))
            {
                var banner = await server.DemoBannerAsync();
                Assert.Contains("demo data seeded.", banner, StringComparison.Ordinal);
                Assert.Contains($"URL: {server.Address}", banner, StringComparison.Ordinal);
                Assert.Contains("demo clock starts at 2021-03-08 09:00 +07:00", banner, StringComparison.Ordinal);
                foreach (var account in Seed.Accounts)
                {
                    Assert.Matches($@"\n\s+{Regex.Escape(account.Name)}\s+{Regex.Escape(account.Password)}\s+{Regex.Escape(account.Title.Vi)} / ", banner);
                }

                using var clerk = await DemoSession.SignInAsync(server.Address, Clerk, Seed.Account(Clerk).Password, CancellationToken.None);
                var steps = (await clerk.GetAsync(Routes.ConsultationProcessFor(Ward), CancellationToken.None)).GetProperty("steps").EnumerateArray()
                    .ToDictionary(step => step.GetProperty("stepId").GetString()!, step => step.GetProperty("status").GetString());
                Assert.Equal(("Completed", "Completed", "Active", "Waiting"),
                    (steps["first-consultation"], steps["dossiers-filed"], steps["second-consultation"], steps["voter-conferences"]));

                var first = await clerk.GetAsync(Routes.For(Routes.Conference, ConsultationConference.IdFor(Ward, 1)), CancellationToken.None);
                Assert.Equal(("MinutesSigned", Seed.Wards[0].Chair), (first.GetProperty("stage").GetString(), first.GetProperty("signedBy").GetString()));
                var second = await clerk.GetAsync(Routes.For(Routes.Conference, ConsultationConference.IdFor(Ward, 2)), CancellationToken.None);
                Assert.Equal("Convened", second.GetProperty("stage").GetString());
                Assert.Equal(6, second.GetProperty("attendance").GetProperty("present").GetInt32());
                var motion = Assert.Single(second.GetProperty("motions").EnumerateArray());
                Assert.Equal(JsonValueKind.Null, motion.GetProperty("vote").ValueKind);

                var entries = await EntriesAsync(clerk);
                Assert.Equal(Seed.Wards[0].Candidates.Select(candidate => candidate.Dossier.FullName).Order(), entries.Select(entry => entry.GetProperty("fullName").GetString()).Order());
                Assert.Equal(2, entries.Count(entry => entry.GetProperty("nominatingBody").ValueKind == JsonValueKind.Null));

                // Filed on the demo clock at the dossier's own date, not today's.
                var hong = Seed.Wards[0].Candidates[0];
                var filed = await clerk.GetAsync(
                    Routes.For(Routes.Candidacy, entries.Single(entry => entry.GetProperty("fullName").GetString() == hong.Dossier.FullName).GetProperty("candidacyId").GetString()!),
                    CancellationToken.None);
                Assert.InRange(filed.GetProperty("filedAt").GetDateTimeOffset(), hong.FiledAt, hong.FiledAt.AddMinutes(2));

                Assert.Equal(0, await server.StopAsync());
            }

            await using (var again = ServerProcess.Start(environment, DemoMode.Command))
            {
                var banner = await again.DemoBannerAsync();
                Assert.Contains("demo data already present, not seeded again.", banner, StringComparison.Ordinal);
                Assert.DoesNotContain("Demo: seeding failed", again.Output, StringComparison.Ordinal);
                using var clerk = await DemoSession.SignInAsync(again.Address, Clerk, Seed.Account(Clerk).Password, CancellationToken.None);
                Assert.Equal(Seed.Wards[0].Candidates.Count, (await EntriesAsync(clerk)).Count);
                Assert.Equal(0, await again.StopAsync());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<JsonElement>> EntriesAsync(DemoSession session) =>
        [.. (await session.GetAsync(Routes.For(Routes.CandidateList, Ward), CancellationToken.None)).GetProperty("entries").EnumerateArray()];

}
