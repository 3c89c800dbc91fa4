using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Infrastructure;

namespace ElectionPrep.Http;

/// <summary>
/// What a person reads of a refusal is sentences: each field's reason under its own name in the body, the law in
/// words, steps by their titles; never a rule id, a step id or a JSON path. The codes stay in the title for machines.
/// </summary>
public class Explaining_refusals_in_plain_words(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Process = "2021-2026.commune-council.01834";

    private ProcessDriver Driver => new(Host);

    /// <summary>A whole dossier, as the form sends it, of a person born on <paramref name="bornOn"/>: 19 on the 2021 election day when born in 2002.</summary>
    private static JsonObject DossierBornOn(string bornOn)
    {
        var dossier = JsonSerializer.SerializeToNode(ProcessDriver.Dossier("Lý Thị Mai", "006302000123"))!.AsObject();
        dossier["dateOfBirth"] = bornOn;
        return dossier;
    }

    /// <summary>Everything a person reads in a problem: its detail and every field's messages, in both languages.</summary>
    private static string Readable(JsonElement problem) =>
        string.Join(" ", new[] { "detail", "detailEn" }.Where(name => problem.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String)
            .Select(name => problem.GetProperty(name).GetString())
            .Concat(new[] { "errors", "errorsEn" }.Where(name => problem.TryGetProperty(name, out _))
                .SelectMany(name => problem.GetProperty(name).EnumerateObject().SelectMany(field => field.Value.EnumerateArray().Select(message => message.GetString())))));

    [Fact]
    public async Task An_under_age_candidate_is_refused_on_the_date_of_birth_with_the_law_in_words()
    {
        await Driver.OpenForDossiers("commune-council", "01834");

        var refused = await Driver.Post(Routes.For(Routes.Candidacies, Process), DossierBornOn("2002-01-10"), TestUsers.ElectionClerk, HttpStatusCode.Conflict);

        var problem = await refused.ThenRefused(FileCandidacy.Ineligible);
        Assert.Equal(["dateOfBirth"], problem.GetProperty("errors").EnumerateObject().Select(field => field.Name));
        var sentence = Assert.Single(problem.GetProperty("errors").GetProperty("dateOfBirth").EnumerateArray()).GetString()!;
        Assert.StartsWith("Chưa đủ 21 tuổi vào ngày bầu cử 23/05/2021 (", sentence, StringComparison.Ordinal);
        Assert.Contains("Luật 85/2015/QH13, Điều 2", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain(Eligibility.MinimumAge, Readable(problem), StringComparison.Ordinal);
        Assert.DoesNotContain("[", Readable(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_half_filled_dossier_of_an_under_age_candidate_hears_the_age_with_the_missing_fields()
    {
        await Driver.OpenForDossiers("commune-council", "01834");
        var dossier = DossierBornOn("2002-01-10");
        dossier.Remove("citizenId");
        dossier.Remove("documents");

        var invalid = await Driver.Post(Routes.For(Routes.Candidacies, Process), dossier, TestUsers.ElectionClerk, HttpStatusCode.BadRequest);

        var problem = await invalid.ReadAsJsonAsync<JsonElement>();
        Assert.Equal(["citizenId", "dateOfBirth", "documents"], problem.GetProperty("errors").EnumerateObject().Select(field => field.Name).Order());
        Assert.StartsWith("Not 21 years old on election day", problem.GetProperty("errorsEn").GetProperty("dateOfBirth")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("The dossier lacks: Application, Certified curriculum vitae", problem.GetProperty("errorsEn").GetProperty("documents")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Eligibility.DossierComplete, Readable(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_not_yet_open_names_the_steps_it_waits_for_by_their_titles()
    {
        var id = await Driver.Open("commune-council", "01834");

        var refused = await Driver.Complete(id, "first-consultation", expected: HttpStatusCode.Conflict);

        var problem = await refused.ThenRefused(CompleteStep.StepNotOpen);
        Assert.Contains("đang chờ: 'Thường trực HĐND dự kiến cơ cấu, thành phần, số lượng và phân bổ người được giới thiệu ứng cử'.",
            problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("waiting for: 'Council standing body sets the projected structure, composition and allocation'.",
            problem.GetProperty("detailEn").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("structure-projected", Readable(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_the_step_does_not_admit_is_refused_naming_the_roles_as_people_call_them()
    {
        var id = await Driver.Open("commune-council", "01834");

        var refused = await Driver.Complete(id, "structure-projected", TestUsers.Of(Workflows.Body.CouncilStandingBody, Workflows.ActorRole.Observer, "01834"),
            HttpStatusCode.Forbidden);

        var problem = await refused.ThenRefused(Workflows.Mandate.RoleNotMandated);
        Assert.Contains("do Chủ tịch Ủy ban MTTQ, Ủy viên Ban Thường trực, Cán bộ nghiệp vụ thực hiện", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("CommitteeChair", Readable(problem), StringComparison.Ordinal);
    }
}
