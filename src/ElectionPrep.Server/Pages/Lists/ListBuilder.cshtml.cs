using ElectionPrep.Http;
using ElectionPrep.CandidateLists;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Quotas;
using ElectionPrep.Seeds;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Lists;

/// <summary>
/// Lập danh sách: who stands in which constituency, the structure quotas as bars (one a rule), what-if before
/// recording (candidates left out or hypothetical ones added, evaluated by the same domain code as the API, nothing
/// recorded), and the official list's gate with its override.
/// </summary>
[ReadsDossiers]
public sealed class ListBuilderModel(IQuerySession session, SeedCatalog seeds, Workflows.WorkflowCatalog workflows) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListScope Scope { get; set; } = ListScope.Standing;

    /// <summary>What-if: candidacies to leave out.</summary>
    [BindProperty(SupportsGet = true)]
    public List<string> Without { get; set; } = [];

    /// <summary>What-if: a hypothetical candidate with these attributes.</summary>
    [BindProperty(SupportsGet = true)]
    public List<string> AddAttributes { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? AddName { get; set; }

    public ConsultationProcess Process { get; private set; } = null!;

    public string JurisdictionName => seeds.UnitNameOf(Process.JurisdictionCode, Process.TermId);

    public CandidateList List { get; private set; } = null!;

    public long ListVersion { get; private set; }

    public IReadOnlyList<ListEntry> Entries { get; private set; } = [];

    public IReadOnlyList<QuotaResult> Results { get; private set; } = [];

    public IReadOnlyList<QuotaResult>? WhatIfResults { get; private set; }

    public bool TriesSomething => Without.Count > 0 || !string.IsNullOrWhiteSpace(AddName);

    public static IReadOnlyList<string> Attributes { get; } =
        [CandidateAttributes.Woman, CandidateAttributes.EthnicMinority, CandidateAttributes.NonParty, CandidateAttributes.Young, CandidateAttributes.Incumbent, CandidateAttributes.SelfNominee];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ConsultationProcess>(id, cancellation) is not { } process) return NotFound();
        Process = process;
        List = await session.LoadAsync<CandidateList>(CandidateList.IdFor(id), cancellation) ?? CandidateList.Empty(id);
        ListVersion = (await session.Events.FetchStreamStateAsync(CandidateList.IdFor(id), cancellation))?.Version ?? 0;
        Entries = [.. ListRules.InLegalOrder(List.Entries, entry => entry.FullName)];

        var ruleSet = seeds.RuleSetFor(process);
        var context = QuotaSubjects.ContextFor(process, List, Scope, seeds);
        var subjects = await QuotaSubjects.ForAsync(session, process, workflows.DefinitionOf(process), List, Scope, seeds, cancellation);
        Results = QuotaEvaluation.Evaluate(ruleSet, subjects, context);
        if (TriesSomething)
        {
            var changes = Without.Select(candidacyId => (ProposedChange)new RemoveCandidate(candidacyId)).ToList();
            if (!string.IsNullOrWhiteSpace(AddName))
            {
                changes.Add(new AddCandidate(new QuotaSubject("what-if", AddName, null, AddAttributes.Where(Attributes.Contains).ToHashSet())));
            }

            WhatIfResults = WhatIf.Evaluate(ruleSet, subjects, changes, context).After;
        }

        return Page();
    }

    /// <summary>The age "young" counts below in this process's term, from the seeds, so the label follows the seeded figure.</summary>
    private int YoungCandidateAge => seeds.TermOf(Process.TermId).Rules.YoungCandidateAge.Years;

    public string AttributeName(string attribute) => attribute switch
    {
        CandidateAttributes.Woman => Ui.T("Nữ", "Woman"),
        CandidateAttributes.EthnicMinority => Ui.T("Dân tộc thiểu số", "Ethnic minority"),
        CandidateAttributes.NonParty => Ui.T("Ngoài Đảng", "Non-party"),
        CandidateAttributes.Young => Ui.T($"Dưới {YoungCandidateAge} tuổi", $"Under {YoungCandidateAge}"),
        CandidateAttributes.Incumbent => Ui.T("Tái cử", "Incumbent"),
        CandidateAttributes.SelfNominee => Ui.T("Tự ứng cử", "Self-nominee"),
        _ => attribute,
    };
}
