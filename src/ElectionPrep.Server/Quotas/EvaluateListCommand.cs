using CsvHelper;
using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using JasperFx.CommandLine;

namespace ElectionPrep.Quotas;

public class EvaluateListInput
{
    [Description("The list to check, in the official-list CSV format (as exported by /api/consultation-processes/{id}/official-list.csv)")]
    public string FileFlag { get; set; } = "";

    [Description("The council kind whose rule set applies, e.g. commune-council or national-assembly-provincial")]
    public string CouncilFlag { get; set; } = "";

    [Description("The jurisdiction's unit code, for rules that take a bound from the locality (e.g. 06 for Bắc Kạn)")]
    public string? JurisdictionFlag { get; set; }

    [Description("The term whose rule set applies and on whose election day ages are counted, e.g. 2021-2026 (default: the latest term)")]
    public string? TermFlag { get; set; }

    [Description("Folder of the seeds (default: the shipped seeds/)")]
    public string SeedsFlag { get; set; } = SeedCatalog.DefaultPath;
}

/// <summary>Checks a list prepared elsewhere against the structure quotas, without a server; exit code 1 when a legal requirement fails.</summary>
[Description("Evaluate a candidate list CSV against the quota rule set of a council kind", Name = "evaluate-list")]
public class EvaluateListCommand : JasperFxCommand<EvaluateListInput>
{
    public override bool Execute(EvaluateListInput input)
    {
        if (!File.Exists(input.FileFlag) || !CouncilKinds.TryParse(input.CouncilFlag, out var council))
        {
            Console.Error.WriteLine("Usage: evaluate-list --file <list.csv> --council <council kind> [--jurisdiction <unit code>]");
            return false;
        }

        var seeds = SeedCatalog.Load(input.SeedsFlag);
        if ((input.TermFlag is null ? seeds.LatestTerm : seeds.FindTerm(input.TermFlag)) is not { } term)
        {
            Console.Error.WriteLine($"There is no term '{input.TermFlag}'; known terms: {string.Join(", ", seeds.TermsLatestFirst.Select(known => known.Id))}.");
            return false;
        }

        using var file = File.OpenText(input.FileFlag);
        using var reader = CsvReader.Create(file);
        var subjects = reader.GetRecords<OfficialListRow>().Select((row, index) => new QuotaSubject($"row-{index + 2}", row.FullName, row.ConstituencyId, CandidateAttributes.Of(row.Gender, row.Ethnicity, row.PartyMember, row.DateOfBirth,
            row.NominatedBy == OfficialListExport.SelfNominated, incumbent: false, term.ElectionDay, term.Rules.YoungCandidateAge))).ToList();
        if (!term.Elects(council))
        {
            Console.Error.WriteLine($"The term {term.Id} ({term.Name.En}) elects no {council.Slug()}; it elects {string.Join(", ", term.Councils.Select(entry => entry.Council.Slug()))}.");
            return false;
        }

        var ruleSet = seeds.RuleSetFor(term.Id, council);
        Console.WriteLine($"{term.Name.Vi} / {term.Name.En}: {ruleSet.Id} v{ruleSet.Version}");
        var results = QuotaEvaluation.Evaluate(ruleSet, subjects, input.JurisdictionFlag is null ? null : seeds.UnitParameters(term.Id, input.JurisdictionFlag));

        Console.WriteLine($"{input.FileFlag}: {subjects.Count} candidates, rule set {ruleSet.Id} v{ruleSet.Version}");
        foreach (var result in results)
        {
            Console.WriteLine($"{result.Outcome,-4} {result.RuleId}{(result.ConstituencyId is null ? "" : $" [{result.ConstituencyId}]")}: {result.Count}/{result.Total} = {result.SharePercent}% (bound {result.Bound}, {result.Severity}) {result.Explanation.Vi} / {result.Explanation.En} [{string.Join("; ", result.Basis)}]");
        }

        return results.All(result => result.Outcome != QuotaOutcome.Fail);
    }
}
