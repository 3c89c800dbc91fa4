using ElectionPrep.Common;

namespace ElectionPrep.Candidates;

/// <summary>Ghi nhận kết quả xác minh của cơ quan có thẩm quyền.</summary>
public sealed record VerifyComplaint(string CandidacyId, string ComplaintId, string Finding, bool Substantiated, string Actor)
{
    public const string UnknownComplaint = "unknown-complaint";
    public const string AlreadyVerified = "complaint-already-verified";

    public static Decision Decide(VerifyComplaint command, Candidacy candidacy, DateTimeOffset now) =>
        candidacy.Complaints.Find(complaint => complaint.Id == command.ComplaintId) switch
        {
            null => Decision.Refuse(UnknownComplaint, $"Không có vụ việc '{command.ComplaintId}'.", $"There is no complaint '{command.ComplaintId}'."),
            { IsResolved: true } => Decision.Refuse(AlreadyVerified, "Vụ việc đã có kết quả xác minh.", "The complaint has already been verified."),
            _ => Decision.Accept(new ComplaintVerified(candidacy.Id, command.ComplaintId, command.Finding, command.Substantiated, command.Actor, now)),
        };
}
