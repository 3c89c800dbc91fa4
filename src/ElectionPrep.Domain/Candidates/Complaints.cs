using ElectionPrep.Common;

namespace ElectionPrep.Candidates;

/// <summary>Ghi nhận vụ việc cử tri nêu về người ứng cử, with the body that must verify it.</summary>
public sealed record RecordComplaint(string CandidacyId, string ComplaintId, string Summary, string VerifyingBody, string Actor)
{
    public const string ComplaintExists = "complaint-exists";

    public static Decision Decide(RecordComplaint command, Candidacy candidacy, DateTimeOffset now) =>
        candidacy.Complaints.Exists(complaint => complaint.Id == command.ComplaintId)
            ? Decision.Refuse(ComplaintExists, $"Đã có vụ việc '{command.ComplaintId}'.", $"Complaint '{command.ComplaintId}' already exists.")
            : Decision.Accept(new ComplaintRecorded(candidacy.Id, command.ComplaintId, command.Summary, command.VerifyingBody, command.Actor, now));
}

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
