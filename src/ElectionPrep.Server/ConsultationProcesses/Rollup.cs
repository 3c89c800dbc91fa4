using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Tổng hợp theo địa bàn: the processes of a jurisdiction and beneath, by level, with what is overdue.</summary>
public sealed record Rollup(string JurisdictionCode, IReadOnlyList<RollupLevel> Levels);

public sealed record RollupLevel(string Level, int Processes, int Completed, int WithOverdueSteps, IReadOnlyList<ConsultationProcessSummary> Rows);

public static class RollupEndpoint
{
    [WolverineGet(Routes.Rollup)]
    [SignedIn]
    public static async Task<Rollup> Get(string jurisdictionCode, IQuerySession session, SeedCatalog seeds, CancellationToken cancellation)
    {
        var rows = await session.Query<ConsultationProcessSummary>()
            .Where(summary => summary.JurisdictionPath.Contains(jurisdictionCode))
            .OrderBy(summary => summary.Id)
            .ToListAsync(cancellation);
        var levels = rows
            .GroupBy(row => seeds.Units.Find(row.JurisdictionCode)?.Level ?? UnitLevel.National)
            .OrderBy(group => group.Key)
            .Select(group => new RollupLevel(group.Key.ToString(), group.Count(),
                group.Count(row => row.Stage == ConsultationProcessStage.Completed),
                group.Count(row => row.OverdueSteps.Count > 0),
                group.ToList()))
            .ToList();
        return new Rollup(jurisdictionCode, levels);
    }
}
