using ElectionPrep.CandidateLists;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using static ElectionPrep.TestWorkflows;

namespace ElectionPrep.Candidates;

/// <summary>A district council's dossier window, open until 17:00 on 14 March 2021, with one nominee allocated to the women's union.</summary>
public static class DossierWindow
{
    public const string Women = "Hội Liên hiệp Phụ nữ";

    public static readonly DateTimeOffset Due = new(2021, 3, 14, 17, 0, 0, TimeSpan.FromHours(7));

    public static readonly WorkflowDefinition Definition = Version1 with
    {
        Steps = [.. Version1.Steps, Step("dossiers", StepKind.DossierWindow, ["round-1"], "dossiers-filed")],
    };

    public static readonly ConsultationProcess Open = Given(Opened() with { Council = CouncilKind.DistrictCouncil }, Activated("dossiers", Due));

    public static readonly FileCandidacy.Context Context = new(TestCandidates.ElectionDay, TestTerms.Rules,
        [new NominationAllocation(Women, 1)], TestCandidates.InBacKanCity, TestCandidates.InBacKanCity);
}
