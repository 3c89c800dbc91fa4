using ElectionPrep.Http;
using Wolverine.Http;

namespace ElectionPrep.Workflows;

public static class WorkflowListEndpoint
{
    /// <summary>Every workflow definition version the server knows, with its steps, for clients and people to read.</summary>
    [WolverineGet(Routes.Workflows)]
    [SignedIn]
    public static IReadOnlyList<WorkflowDefinition> Get(WorkflowCatalog workflows) =>
        workflows.All.OrderBy(definition => definition.Id, StringComparer.Ordinal).ThenBy(definition => definition.Version).ToList();
}
