using ElectionPrep.Database;
using ElectionPrep.Http;
using ElectionPrep.Terms;
using Npgsql;
using Wolverine.Http;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>
/// Tổng hợp theo địa bàn: the processes of a jurisdiction and beneath, by level, with what is overdue. The processes
/// themselves are listed by <c>GET /api/consultation-processes?jurisdictionCode=…</c>.
/// </summary>
public sealed record Rollup(string JurisdictionCode, IReadOnlyList<RollupLevel> Levels);

/// <summary>The processes of one term's councils elected at one level: terms run side by side, and are counted apart.</summary>
public sealed record RollupLevel(string TermId, string Level, int Processes, int Completed, int WithOverdueSteps);

public static class RollupEndpoint
{
    // Counted in the database by council kind (whose level is the law's), over the GIN-indexed jurisdiction paths: the
    // answer is a few rows whether the unit holds one process or the country's 11,000.
    private const string CountsByCouncil = $"""
        select d.data ->> 'TermId', d.data ->> 'Council', count(*)::int,
            (count(*) filter (where d.data ->> 'Stage' = 'Completed'))::int,
            (count(*) filter (where jsonb_array_length(d.data -> 'OverdueSteps') > 0))::int
        from {DatabaseServices.SchemaName}.mt_doc_consultationprocesssummary d
        where d.data @> jsonb_build_object('JurisdictionPath', jsonb_build_array(@unit::text))
        group by 1, 2
        """;

    [WolverineGet(Routes.Rollup)]
    [SignedIn]
    public static async Task<Rollup> Get(string jurisdictionCode, NpgsqlDataSource database, CancellationToken cancellation)
    {
        var counts = new List<(string Term, UnitLevel Level, int Processes, int Completed, int Overdue)>();
        await using (var command = database.CreateCommand(CountsByCouncil))
        {
            command.Parameters.AddWithValue("unit", jurisdictionCode);
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                counts.Add((reader.GetString(0), Enum.Parse<CouncilKind>(reader.GetString(1)).JurisdictionLevel(), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4)));
            }
        }

        return new Rollup(jurisdictionCode, [.. counts.GroupBy(count => (count.Term, count.Level))
            .OrderByDescending(level => level.Key.Term, StringComparer.Ordinal).ThenBy(level => level.Key.Level)
            .Select(level => new RollupLevel(level.Key.Term, level.Key.Level.ToString(), level.Sum(c => c.Processes), level.Sum(c => c.Completed), level.Sum(c => c.Overdue)))]);
    }
}
