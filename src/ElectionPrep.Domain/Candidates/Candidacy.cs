using System.Collections.Immutable;
using ElectionPrep.Terms;

namespace ElectionPrep.Candidates;

/// <summary>Tình trạng người ứng cử.</summary>
public enum CandidacyStatus
{
    /// <summary>Đã nộp hồ sơ.</summary>
    Filed,

    /// <summary>Bị xóa tên do vi phạm phát hiện sau.</summary>
    Struck,
}

/// <summary>Ý kiến cử tri về người ứng cử at one conference.</summary>
public sealed record VoterConferenceResult(VoterConferenceKind Kind, DateOnly HeldOn, int Invited, int Present, int Trust, int Distrust, string MinutesReference, bool Distrusted);

/// <summary>Vụ việc cử tri nêu and, once verified, the finding.</summary>
public sealed record Complaint(string Id, string Summary, string VerifyingBody, string? Finding = null, bool? Substantiated = null)
{
    public bool IsResolved => Finding is not null;
}

/// <summary>
/// Người ứng cử: one person's candidacy for one council (one dossier per level). Public dossier, protected data
/// and the voters' verdicts.
/// </summary>
public sealed record Candidacy(
    string Id,
    string ConsultationProcessId,
    CouncilKind Council,
    string PersonId,
    CandidacyStatus Status,
    CandidateDossier Dossier,
    ProtectedPersonalData Protected,
    ImmutableList<VoterConferenceResult> VoterConferences,
    ImmutableList<Complaint> Complaints,
    string? StruckForRule,
    string? StruckReason,
    DateTimeOffset FiledAt)
{
    /// <summary>Every candidacy's id begins so: a stream id tells at sight whether it names a candidacy.</summary>
    public const string IdPrefix = "cand-";

    public static bool IsId(string streamId) => streamId.StartsWith(IdPrefix, StringComparison.Ordinal);

    /// <summary>Distrusted by more than the rule's share at any voter conference: does not go forward to round 3 without a special case.</summary>
    public bool IsDistrusted => VoterConferences.Any(conference => conference.Distrusted);

    public IEnumerable<Complaint> UnresolvedComplaints => Complaints.Where(complaint => !complaint.IsResolved);

    public static Candidacy? Evolve(Candidacy? state, object @event) => @event switch
    {
        CandidacyFiled filed => new Candidacy(filed.CandidacyId, filed.ConsultationProcessId, filed.Council, filed.PersonId, CandidacyStatus.Filed,
            filed.Dossier, filed.Protected, [], [], null, null, filed.FiledAt),
        VoterConferenceRecorded recorded when state is not null => state with
        {
            VoterConferences = state.VoterConferences.Add(new VoterConferenceResult(recorded.Kind, recorded.HeldOn, recorded.Invited, recorded.Present,
                recorded.Trust, recorded.Distrust, recorded.MinutesReference, recorded.Distrusted)),
        },
        ComplaintRecorded complaint when state is not null => state with
        {
            Complaints = state.Complaints.Add(new Complaint(complaint.ComplaintId, complaint.Summary, complaint.VerifyingBody)),
        },
        ComplaintVerified verified when state?.Complaints.Find(complaint => complaint.Id == verified.ComplaintId) is { } open => state with
        {
            Complaints = state.Complaints.Replace(open, open with { Finding = verified.Finding, Substantiated = verified.Substantiated }),
        },
        CitizenIdCorrected corrected when state is not null => state with { PersonId = corrected.PersonId, Protected = corrected.Protected },
        CandidacyStruck struck when state is not null => state with { Status = CandidacyStatus.Struck, StruckForRule = struck.RuleId, StruckReason = struck.Reason },
        _ => state,
    };
}

/// <summary>Một người qua mọi tiến trình: the candidacies filed under one citizen ID in this election.</summary>
public sealed record Person(string Id, ImmutableDictionary<string, CouncilKind> Candidacies)
{
    public OtherCandidacies Except(string candidacyId) =>
        new(Candidacies.Where(pair => pair.Key != candidacyId).Select(pair => pair.Value).ToList());

    public static Person? Evolve(Person? state, object @event) => @event switch
    {
        PersonCandidacyRegistered registered => (state ?? new Person(registered.PersonId, ImmutableDictionary<string, CouncilKind>.Empty)) with
        {
            Candidacies = (state?.Candidacies ?? ImmutableDictionary<string, CouncilKind>.Empty).SetItem(registered.CandidacyId, registered.Council),
        },
        PersonCandidacyReleased released when state is not null => state with { Candidacies = state.Candidacies.Remove(released.CandidacyId) },
        _ => state,
    };
}
