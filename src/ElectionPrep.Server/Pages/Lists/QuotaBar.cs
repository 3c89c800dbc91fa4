using System.Globalization;
using ElectionPrep.Quotas;

namespace ElectionPrep.Pages.Lists;

/// <summary>
/// One quota result as its bar draws it, 100 % being <see cref="Length"/> pixels: the share found coloured by outcome,
/// and a black mark at each bound, labelled with it. A set with no one in it yet (the official list before it is
/// published) has nothing to count: it is shown as not yet evaluable, never as a failure.
/// </summary>
public sealed record QuotaBar(QuotaResult Result)
{
    public const int Length = 300;

    /// <summary>No one is in the set evaluated yet.</summary>
    public bool Empty => Result.Count is not null && Result.Total == 0;

    /// <summary>The outcome as the page marks it (data-outcome): the domain's, or Empty.</summary>
    public string Outcome => Empty ? "Empty" : Result.Outcome.ToString();

    public string OutcomeText => Empty ? Ui.T("Chưa có dữ liệu", "Not yet evaluable") : Result.Outcome switch
    {
        QuotaOutcome.Pass => Ui.T("Đạt", "Pass"),
        QuotaOutcome.Warn => Ui.T("Cảnh báo", "Warning"),
        QuotaOutcome.NotEvaluable => Ui.T("Không đánh giá được", "Not evaluable"),
        _ => Ui.T("Không đạt", "Fail"),
    };

    /// <summary>The class that colours the outcome's word; none for an empty set.</summary>
    public string OutcomeClass => Empty ? "" : Result.Outcome.ToString().ToLowerInvariant();

    public string Colour => Empty ? "#666" : Result.Outcome switch
    {
        QuotaOutcome.Pass => "#1e6b2b",
        QuotaOutcome.Warn => "#8a5300",
        QuotaOutcome.NotEvaluable => "#666",
        _ => "#a00000",
    };

    public string Filled => Px(Empty ? 0 : (double)Math.Clamp(Result.SharePercent ?? 0, 0, 100) * Length / 100);

    /// <summary>What the bar says, for a screen reader: the share found and the bound its mark stands for.</summary>
    public string Description
    {
        get
        {
            var bound = Ui.T(Result.Limits.Text);
            return Empty || Result.Found is null
                ? Ui.T($"{OutcomeText}; vạch đen: mức yêu cầu {bound}", $"{OutcomeText}; black mark: the bound {bound}")
                : Ui.T($"Tỷ lệ đạt {Ui.T(Result.Found)}; vạch đen: mức yêu cầu {bound}", $"Found {Ui.T(Result.Found)}; black mark: the bound {bound}");
        }
    }

    /// <summary>
    /// Each bound where it falls on the bar, with its label and the label's anchor (kept inside the drawing at the ends).
    /// A count of people is placed as its share of the base; with no base known, it has no place.
    /// </summary>
    public IEnumerable<(string X, string Label, string Anchor)> Marks
    {
        get
        {
            var limits = Result.Limits;
            foreach (var bound in new[] { limits with { AtMost = null }, limits with { AtLeast = null } })
            {
                if ((bound.AtLeast ?? bound.AtMost) is not { } value) continue;
                decimal? percent = limits.Measure == MeasureKind.Share ? value : Result.BaseSize is int size and > 0 ? 100m * value / size : null;
                if (percent is not { } at) continue;
                var x = (double)Math.Clamp(at, 0, 100) * Length / 100;
                yield return (Px(x), Ui.T(bound.Text), x < 30 ? "start" : x > Length - 30 ? "end" : "middle");
            }
        }
    }

    private static string Px(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
