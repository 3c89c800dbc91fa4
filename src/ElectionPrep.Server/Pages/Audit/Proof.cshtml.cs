using System.Globalization;
using ElectionPrep.Audit;
using ElectionPrep.Common;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionPrep.Pages.Audit;

/// <summary>
/// Bằng chứng: what was checked for one event, said in words (its leaf, its inclusion in a signed tree, the checkpoint's
/// signature, consistency with the latest checkpoint), with the proofs as JSON behind links. Open to anyone, as the
/// proofs are; who acted and when is shown to signed-in people only, as the proof API does.
/// </summary>
[AllowAnonymous]
public sealed class ProofModel(IQuerySession session, AuditKeys keys, SeedCatalog seeds) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? TreeSize { get; set; }

    public ProofReport? Report { get; private set; }

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnGetAsync(long sequence, CancellationToken cancellation)
    {
        Zone = seeds.TimeZoneOf(seeds.LatestTerm);
        Report = await ProofReport.ForAsync(sequence, TreeSize, session, keys, cancellation);
        if (Report is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>The inclusion proof as the API gives it, for the tree checked here.</summary>
    public string InclusionJson(ProofReport report) =>
        $"{Routes.For(Routes.AuditInclusionProof, Number(report.Sequence))}?treeSize={Number(report.TreeSize)}";

    /// <summary>The consistency proof from the tree checked here to the latest checkpoint's, as the API gives it.</summary>
    public static string ConsistencyJson(ProofReport report) =>
        $"{Routes.AuditConsistencyProof}?first={Number(report.TreeSize)}&second={Number(report.LatestSize ?? report.TreeSize)}";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Mark(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Holds => "pass",
        CheckOutcome.Fails => "fail",
        _ => "warn",
    };

    public static (string Mark, string Text) Verdict(ProofReport report) =>
        report.Verified ? ("pass", Ui.T("Kết luận: sự kiện đã được xác minh.", "Conclusion: the event is verified."))
        : report.Failed ? ("fail", Ui.T("Kết luận: sự kiện KHÔNG xác minh được.", "Conclusion: the event DOES NOT verify."))
        : ("warn", Ui.T("Kết luận: chưa xác minh được, chờ điểm kiểm chứng tiếp theo.", "Conclusion: not verifiable yet; awaiting the next checkpoint."));

    public static string OutcomeText(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Holds => Ui.T("Đạt", "Holds"),
        CheckOutcome.Fails => Ui.T("KHÔNG ĐẠT", "FAILS"),
        _ => Ui.T("Chưa kiểm tra được", "Not yet possible"),
    };

    /// <summary>What each check found, in words.</summary>
    public static IReadOnlyList<(CheckOutcome Outcome, BilingualText Text)> Checks(ProofReport report)
    {
        var size = report.TreeSize.ToString("N0", CultureInfo.CurrentCulture);
        var latest = (report.LatestSize ?? report.TreeSize).ToString("N0", CultureInfo.CurrentCulture);
        return
        [
            (report.LeafMatches, report.LeafMatches switch
            {
                CheckOutcome.Holds => new("Dữ liệu của sự kiện đang lưu khớp với dấu băm (lá) mà nhật ký đã ghi khi sự kiện được ghi nhận: sự kiện chưa bị sửa.",
                    "The event as stored now matches the hash (leaf) the log wrote when the event was recorded: it has not been changed."),
                CheckOutcome.Fails => new("Dữ liệu của sự kiện đang lưu KHÔNG khớp với dấu băm mà nhật ký đã ghi: sự kiện đã bị sửa sau khi ghi nhận.",
                    "The event as stored now DOES NOT match the hash the log wrote: it was changed after it was recorded."),
                _ => new("Sự kiện chưa được đưa vào nhật ký kiểm chứng; việc này diễn ra ngay sau khi ghi nhận.",
                    "The event is not in the verifiable log yet; it is added shortly after it is recorded."),
            }),
            (report.Included, report.Included switch
            {
                CheckOutcome.Holds => new($"Lá này nằm trong cây nhật ký gồm {size} sự kiện mà điểm kiểm chứng đã ký (bằng chứng bao hàm hợp lệ).",
                    $"The leaf is included in the log's tree of {size} events that a checkpoint signed (the inclusion proof holds)."),
                CheckOutcome.Fails => new($"Lá này KHÔNG chứng minh được là nằm trong cây nhật ký gồm {size} sự kiện đã ký.",
                    $"The leaf CANNOT be proven to be in the signed tree of {size} events."),
                _ => new("Chưa có điểm kiểm chứng có chữ ký nào bao gồm sự kiện này; nhật ký được ký ở mỗi lần ký biên bản, công bố danh sách và hằng ngày.",
                    "No signed checkpoint covers this event yet; the log is signed at every signed minutes, every published list and daily."),
            }),
            (report.SignatureHolds, report.SignatureHolds switch
            {
                CheckOutcome.Holds => new($"Chữ ký của điểm kiểm chứng (cây {size} sự kiện) hợp lệ với khóa công khai của nhật ký.",
                    $"The checkpoint's signature (tree of {size} events) is valid under the log's public key."),
                CheckOutcome.Fails => new($"Chữ ký của điểm kiểm chứng (cây {size} sự kiện) KHÔNG hợp lệ với khóa công khai của nhật ký.",
                    $"The checkpoint's signature (tree of {size} events) is NOT valid under the log's public key."),
                _ => new("Chưa có điểm kiểm chứng để kiểm tra chữ ký.", "There is no checkpoint yet whose signature could be checked."),
            }),
            (report.Consistent, report.Consistent switch
            {
                CheckOutcome.Holds when report.LatestSize == report.TreeSize => new("Đây là điểm kiểm chứng mới nhất của nhật ký.", "This is the log's latest checkpoint."),
                CheckOutcome.Holds => new($"Cây {size} sự kiện là phần đầu của cây {latest} sự kiện ở điểm kiểm chứng mới nhất: từ đó không sự kiện nào bị sửa hay xóa (bằng chứng nhất quán hợp lệ).",
                    $"The tree of {size} events is the beginning of the latest checkpoint's tree of {latest}: nothing in it was changed or removed since (the consistency proof holds)."),
                CheckOutcome.Fails => new($"Điểm kiểm chứng mới nhất (cây {latest} sự kiện) KHÔNG nhất quán với cây {size} sự kiện: nhật ký đã bị viết lại.",
                    $"The latest checkpoint (tree of {latest} events) is NOT consistent with the tree of {size}: the log was rewritten."),
                _ => new("Chưa thể so với điểm kiểm chứng mới nhất.", "It cannot be compared with the latest checkpoint yet."),
            }),
        ];
    }
}
