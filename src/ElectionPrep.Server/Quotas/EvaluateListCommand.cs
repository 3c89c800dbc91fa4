using CsvHelper;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using JasperFx.CommandLine;

namespace ElectionPrep.Quotas;

public class EvaluateListInput
{
    [Description("The list to check, in the official-list CSV format with Vietnamese or English headers (as exported by /api/consultation-processes/{id}/official-list.csv[?lang=En])")]
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

/// <summary>
/// Checks a list prepared elsewhere against the structure quotas, without a server; exit code 1 when a legal requirement
/// fails. A rule whose column the file lacks is reported not evaluable, naming the column.
/// </summary>
[Description("Evaluate a candidate list CSV against the quota rule set of a council kind", Name = "evaluate-list")]
public class EvaluateListCommand : JasperFxCommand<EvaluateListInput>
{
    public override bool Execute(EvaluateListInput input)
    {
        if (!File.Exists(input.FileFlag) || !CouncilKinds.TryParse(input.CouncilFlag, out var council))
        {
            Console.Error.WriteLine("Usage: evaluate-list --file <list.csv> --council <council kind> [--term <term id>] [--jurisdiction <unit code>]");
            return false;
        }

        var seeds = SeedCatalog.Load(input.SeedsFlag);
        if ((input.TermFlag is null ? seeds.LatestTerm : seeds.FindTerm(input.TermFlag)) is not { } term)
        {
            Console.Error.WriteLine($"Không có nhiệm kỳ '{input.TermFlag}' / There is no term '{input.TermFlag}': {string.Join(", ", seeds.TermsLatestFirst.Select(known => known.Id))}");
            return false;
        }

        if (!term.Elects(council))
        {
            Console.Error.WriteLine($"Nhiệm kỳ {term.Id} không bầu {council.Slug()} / The term {term.Id} ({term.Name.En}) elects no {council.Slug()}; it elects {string.Join(", ", term.Councils.Select(entry => entry.Council.Slug()))}.");
            return false;
        }

        using var reader = CsvReader.FromFile(input.FileFlag);
        var evaluation = EvaluateList.Evaluate(reader, council, term.Id, input.JurisdictionFlag, seeds);
        Console.WriteLine($"{input.FileFlag}: {evaluation.Candidates} candidates, term {evaluation.TermId}, rule set {evaluation.RuleSetId} v{evaluation.RuleSetVersion}");
        foreach (var result in evaluation.Results)
        {
            var found = result is { Count: { } count, SharePercent: { } share } ? $"{count}/{result.BaseSize} = {share}% " : "";
            Console.WriteLine($"{result.Outcome,-4} {result.RuleId}{(result.ConstituencyId is null ? "" : $" [{result.ConstituencyId}]")}: {found}(bound {result.Bound}, {result.Severity}, base {result.Base}, rounding {result.Rounding}) {result.Explanation.Vi} / {result.Explanation.En} [{string.Join("; ", result.Basis)}]");
        }

        return evaluation.Results.All(result => result.Outcome != QuotaOutcome.Fail);
    }
}
