using System.Net;
using System.Text.Json;
using Alba;
using ElectionPrep.Http;
using ElectionPrep.Infrastructure;

namespace ElectionPrep.Http;

public class Describing_the_api(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task The_OpenAPI_document_lists_the_endpoints_with_their_problem_responses()
    {
        var document = await Host.Read<JsonElement>(Routes.OpenApiDocument);

        var open = document.GetProperty("paths").GetProperty(Routes.ConsultationProcesses).GetProperty("post");
        Assert.True(open.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty(Routes.ConsultationProcess, out _));
    }

    [Fact]
    public async Task The_workflow_definitions_are_listed_with_their_steps()
    {
        var workflows = await Host.Read<JsonElement>(Routes.Workflows);

        Assert.Equal(
            ["commune-council v1", "commune-council v2", "district-council v1", "national-assembly-central v1", "national-assembly-central v2",
                "national-assembly-provincial v1", "national-assembly-provincial v2", "provincial-council v1", "provincial-council v2"],
            workflows.EnumerateArray().Select(definition => $"{definition.GetProperty("id").GetString()} v{definition.GetProperty("version").GetInt32()}"));
        Assert.Equal(13, workflows[0].GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task The_API_reference_page_is_served()
    {
        await Host.Scenario(s =>
        {
            s.Get.Url(Routes.ApiReference);
            s.StatusCodeShouldBe(HttpStatusCode.Redirect);
        });

        var page = await Host.Scenario(s => s.Get.Url(Routes.ScalarReference));
        Assert.Contains("<html", await page.ReadAsTextAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
