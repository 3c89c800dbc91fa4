using ElectionPrep.Common;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.Quotas;

/// <summary>
/// Đánh giá cơ cấu danh sách cả nước: the National Assembly's rules on the national list, over the central list and every
/// province's list of a term together, each naming the lists below its bound.
/// </summary>
public sealed record NationalQuotaReport(string TermId, string RuleSetId, int RuleSetVersion, ListScope Scope, int Lists, int Candidates, IReadOnlyList<NationalQuotaResult> Results);

public static class NationalQuotaReportEndpoint
{
    /// <summary>The name the central list goes by among the provinces.</summary>
    public const string CentralListName = "Trung ương";

    /// <summary>E.g. /api/quotas/national/2021-2026?scope=Official; the scope is Official by default, or Standing or Elected.</summary>
    [WolverineGet(Routes.NationalQuotas)]
    [SignedIn]
    public static async Task<IResult> Get(string termId, ListScope? scope, IQuerySession session, SeedCatalog seeds, CancellationToken cancellation)
    {
        if (seeds.FindTerm(termId) is not { } term) return NoTerm(termId);

        var chosen = scope ?? ListScope.Official;
        var lists = await session.Query<ListQuotaCounts>()
            .Where(counts => (counts.Council == CouncilKind.NationalAssemblyProvincial || counts.Council == CouncilKind.NationalAssemblyCentral)
                && counts.Id.StartsWith(ListsOf(term)))
            .ToListAsync(cancellation);
        var parts = lists.Select(list =>
        {
            var (total, counts) = list.Count(chosen);
            var code = list.JurisdictionPath.Count > 0 ? list.JurisdictionPath[^1] : list.ConsultationProcessId;
            return new NationalListPart(code, list.Council == CouncilKind.NationalAssemblyCentral ? CentralListName : seeds.UnitNameOf(code, term.Id), total, counts);
        }).ToList();

        // The central and the provincial rule sets carry the same national-list rules; the provincial one is read.
        var ruleSet = seeds.RuleSetFor(term.Id, CouncilKind.NationalAssemblyProvincial);
        return Results.Ok(new NationalQuotaReport(term.Id, ruleSet.Id, ruleSet.Version, chosen, lists.Count, parts.Sum(part => part.Total),
            QuotaEvaluation.EvaluateNationalList(ruleSet, parts, new QuotaContext(QuotaSubjects.PopulationOf(chosen)))));
    }

    /// <summary>The start of the ids of a term's lists: a list's id begins with its process's, which begins with the term's.</summary>
    public static string ListsOf(Term term) => $"{term.Id}.";

    public static IResult NoTerm(string termId) =>
        Problems.NotFound(new BilingualText($"Không có nhiệm kỳ '{termId}'.", $"There is no term '{termId}'."));
}
