using System.ComponentModel.DataAnnotations;
using CsvHelper;
using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.Common;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using FluentValidation;
using Wolverine.Http;

namespace ElectionPrep.Quotas;

/// <summary>
/// The body of POST /api/quotas/list-evaluation: a list prepared elsewhere, in the official-list CSV format (Vietnamese
/// or English headers), and the council kind (e.g. commune-council) whose rule set applies, for a term (default: the
/// latest) and a jurisdiction (for bounds taken from the locality).
/// </summary>
public sealed record EvaluateListRequest(string Council, string? Term, string? Jurisdiction, [MultiLine, MaxLength(EvaluateListRequest.MaximumCsvLength)] string Csv)
{
    public const int MaximumCsvLength = 1_000_000;
}

/// <summary>Đánh giá một danh sách: the rule set applied, how many candidates the list has, and each rule's result.</summary>
public sealed record ListEvaluation(string TermId, string RuleSetId, int RuleSetVersion, int Candidates, IReadOnlyList<QuotaResult> Results);

public sealed class EvaluateListRequestValidator : AbstractValidator<EvaluateListRequest>
{
    public EvaluateListRequestValidator()
    {
        RuleFor(r => r.Council).Must(council => CouncilKinds.TryParse(council, out _))
            .WithMessage("Loại hội đồng không hợp lệ (ví dụ commune-council).", "Unknown council kind (e.g. commune-council).");
        RuleFor(r => r.Csv).NotEmpty().WithMessage("Cần nội dung tệp CSV của danh sách.", "The list's CSV text is required.");
    }
}

public static class EvaluateListEndpoint
{
    /// <summary>Evaluates a list sent as CSV; a rule whose column the list lacks is reported not evaluable, naming the column.</summary>
    [WolverinePost(Routes.ListEvaluation)]
    [SignedIn]
    [RecordsNothing("Evaluating a list sent in reads the seeds and records nothing: a retry computes the answer again.")]
    public static IResult Post(EvaluateListRequest request, SeedCatalog seeds)
    {
        if (request.Term is not null && seeds.FindTerm(request.Term) is null) return NationalQuotaReportEndpoint.NoTerm(request.Term);

        // The validator has checked the council kind.
        _ = CouncilKinds.TryParse(request.Council, out var council);
        try
        {
            using var reader = CsvReader.FromText(request.Csv);
            return Results.Ok(EvaluateList.Evaluate(reader, council, request.Term, request.Jurisdiction, seeds));
        }
        catch (Exception problem) when (problem is CsvValidationException or CsvFormatException or KeyNotFoundException)
        {
            return Problems.Invalid([new FieldFlaw("csv", new BilingualText($"Tệp CSV không đọc được: {problem.Message}", $"The CSV cannot be read: {problem.Message}"))]);
        }
    }
}

/// <summary>
/// Đánh giá danh sách lập nơi khác: reads an official-list CSV with either header variant and evaluates the rule set of a
/// council kind for a term on it, as the official list. A rule whose attribute's column the file lacks is not evaluable,
/// never 0%; rules about those elected are projections.
/// </summary>
public static class EvaluateList
{
    public static ListEvaluation Evaluate(CsvReader reader, CouncilKind council, string? termId, string? jurisdiction, SeedCatalog seeds)
    {
        var term = termId is null ? seeds.LatestTerm : seeds.TermOf(termId);
        reader.ReadHeader();
        var missing = OfficialListColumns.ForAttribute.Where(pair => !HasColumn(reader, pair.Value)).ToDictionary(pair => pair.Key, pair => pair.Value);
        var rows = reader.GetRecords<OfficialListRow>().ToList();
        var subjects = rows.Select((row, index) =>
        {
            var attributes = new HashSet<string>(CandidateAttributes.Of(row.Gender, row.Ethnicity ?? "", row.PartyMember, row.DateOfBirth,
                row.NominatedBy == OfficialListExport.SelfNominated, row.Incumbent, term.ElectionDay, term.Rules.YoungCandidateAge));
            if (council == CouncilKind.NationalAssemblyCentral) attributes.Add(CandidateAttributes.CentrallyNominated);
            return new QuotaSubject($"row-{index + 2}", row.FullName, row.ConstituencyId, attributes);
        }).ToList();

        // Seats are per constituency, repeated on each of its rows.
        int? seats = HasColumn(reader, new(OfficialListColumns.SeatsVi, OfficialListColumns.SeatsEn))
            ? rows.GroupBy(row => row.ConstituencyId).Sum(constituency => constituency.First().Seats)
            : null;
        var ruleSet = seeds.RuleSetFor(term.Id, council);
        var context = new QuotaContext(Population.OfficialList, seats, jurisdiction is null ? null : seeds.UnitParameters(term.Id, jurisdiction), missing);
        return new ListEvaluation(term.Id, ruleSet.Id, ruleSet.Version, subjects.Count, QuotaEvaluation.Evaluate(ruleSet, subjects, context));
    }

    private static bool HasColumn(CsvReader reader, BilingualText names) => reader.TryGetFieldIndex(names.Vi, out _) || reader.TryGetFieldIndex(names.En, out _);
}
