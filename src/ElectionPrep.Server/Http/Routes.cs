namespace ElectionPrep.Http;

/// <summary>Every route, shared by the endpoints and the tests so a path is written once.</summary>
public static class Routes
{
    public const string Health = "/health";
    public const string OpenApiDocument = "/openapi/v1.json";
    public const string ApiReference = "/api-reference";

    public const string ConsultationProcesses = "/api/consultation-processes";
    public const string ConsultationProcess = "/api/consultation-processes/{id}";

    public static string ConsultationProcessFor(string id) => ConsultationProcess.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);
}
