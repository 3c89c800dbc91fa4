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
