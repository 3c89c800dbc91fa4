using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;

namespace ElectionPrep.Demo;

/// <summary>
/// The cases reported against the demo (issue 11), tried again over HTTP on the demo server with its own accounts and
/// tokens: each is refused, or harmless.
/// </summary>
public class Trying_the_reported_attacks_on_the_demo
{
    private const string Ward = "2021-2026.commune-council.01834";

    private static readonly DemoSeed Seed = DemoSeedValidator.Load(SeedCatalog.DefaultPath);

    private static readonly SeedCatalog Seeds = SeedCatalog.Load(SeedCatalog.DefaultPath);

    private static async Task<HttpClient> AsAsync(ServerProcess server, string account)
    {
        var client = new HttpClient { BaseAddress = server.Address };
        var issued = await client.PostAsJsonAsync(Routes.Tokens, new { name = account, password = Seed.Account(account).Password });
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Each_reported_case_is_refused_or_harmless()
    {
        var folder = TestDatabase.TemporaryFolder();
        var environment = new Dictionary<string, string>
        {
            ["EmbeddedDatabase__DataDirectory"] = folder,
            ["Authentication__LocalTokens__SigningKey"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("demo-attacks-local-token-key-32bytes!")),
        };
        try
        {
            await using var server = ServerProcess.Start(environment, DemoMode.Command);
            await server.DemoBannerAsync();
            using var observer = await AsAsync(server, "giam.sat");
            using var otherWardClerk = await AsAsync(server, "thu.ky.song.cau");
            using var wardChair = await AsAsync(server, "chu.tich.phuong");
            using var provinceChair = await AsAsync(server, "chu.tich.tinh");
            using var anonymous = new HttpClient { BaseAddress = server.Address };
            var list = await wardChair.GetFromJsonAsync<JsonElement>(Routes.For(Routes.CandidateList, Ward));
            var candidacy = list.GetProperty("entries")[0].GetProperty("candidacyId").GetString()!;

            // An observer assigns a candidate and records a complaint.
            var assigned = await observer.PostAsJsonAsync(Routes.For(Routes.Assignments, Ward), new { candidacyId = candidacy, constituencyId = "dv1" });
            var complaint = await observer.PostAsJsonAsync(Routes.For(Routes.CandidacyComplaints, candidacy), new { complaintId = "k1", summary = "x", verifyingBody = "y" });
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (assigned.StatusCode, complaint.StatusCode));

            // Another ward's clerk reads this ward's protected data.
            var stolen = await otherWardClerk.GetAsync(Routes.For(Routes.CandidacyProtectedData, candidacy));
            Assert.Equal(HttpStatusCode.Forbidden, stolen.StatusCode);
            await stolen.ThenRefused("outside-jurisdiction");

            // The ward's chair opens a process for a commune of another district.
            var elsewhere = Seeds.Units.All.First(unit => unit.Level == UnitLevel.Commune && unit.Elects(CouncilKind.CommuneCouncil)
                && Seeds.PathOf(unit.Code, "2021-2026").Contains("06") && !Seeds.PathOf(unit.Code, "2021-2026").Contains("058")).Code;
            var opened = await wardChair.PostAsJsonAsync(Routes.ConsultationProcesses, new { termId = "2021-2026", council = "commune-council", jurisdictionCode = elsewhere });
            Assert.Equal(HttpStatusCode.Forbidden, opened.StatusCode);

            // The province's Front chair completes the council standing body's step.
            var completed = await provinceChair.PostAsJsonAsync(Routes.For(Routes.StepCompletion, "2021-2026.provincial-council.06", "structure-projected"), new { reference = "x" });
            Assert.Equal(HttpStatusCode.Forbidden, completed.StatusCode);
            await completed.ThenRefused("body-not-mandated");

            // Document file names and proofs name no one.
            var view = await wardChair.GetStringAsync(Routes.For(Routes.Candidacy, candidacy));
            Assert.DoesNotContain("fileName", view, StringComparison.Ordinal);
            var proof = await anonymous.GetAsync(Routes.For(Routes.AuditInclusionProof, "1"));
            var proofText = await proof.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Seed.Accounts, account => proofText.Contains(account.Name, StringComparison.Ordinal));

            // A null body, even anonymous, is a 400.
            var nullBody = await anonymous.PostAsync(Routes.Tokens, new StringContent("null", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, nullBody.StatusCode);

            // A retried action with its key gets its first answer and records it once.
            HttpRequestMessage Motion() => new(HttpMethod.Post, Routes.For(Routes.ConferenceMotions, $"{Ward}.round-2"))
            {
                Content = JsonContent.Create(new { motionId = "bo-sung", text = "Bổ sung chương trình" }),
                Headers = { { IdempotencyKeys.HeaderName, "demo-retry" } },
            };
            var first = await wardChair.SendAsync(Motion());
            var again = await wardChair.SendAsync(Motion());
            Assert.Equal((HttpStatusCode.OK, await first.Content.ReadAsStringAsync()), (again.StatusCode, await again.Content.ReadAsStringAsync()));
            Assert.True(again.Headers.Contains("Idempotent-Replayed"));

            // Signing in with wrong passwords locks out the guessed account, not the others from the same address.
            for (var attempt = 0; attempt < 8; attempt++) await anonymous.PostAsJsonAsync(Routes.Tokens, new { name = "quan.tri", password = "sai-mat-khau-mot-hai" });
            using var stillIn = await AsAsync(server, "thu.ky.phuong");
            Assert.Equal(HttpStatusCode.OK, (await stillIn.GetAsync(Routes.ConsultationProcessFor(Ward))).StatusCode);

            Assert.Equal(0, await server.StopAsync());
        }
        finally
        {
            await TestDatabase.StopAnyClusterLeftIn(folder);
            Directory.Delete(folder, recursive: true);
        }
    }
}
