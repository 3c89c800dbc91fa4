using System.Security.Claims;
using ElectionPrep.Http;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace ElectionPrep.Candidates;

/// <summary>A candidacy as anyone may see it: the public dossier and the voters' verdicts, never the protected data.</summary>
public sealed record CandidacyView(
    string Id,
    string ConsultationProcessId,
    CouncilKind Council,
    CandidacyStatus Status,
    CandidateDossier Dossier,
    bool SelfNominated,
    IReadOnlyList<VoterConferenceResult> VoterConferences,
    bool Distrusted,
    IReadOnlyList<Complaint> Complaints,
    int UnresolvedComplaints,
    string? StruckForRule,
    string? StruckReason,
    DateTimeOffset FiledAt)
{
    public static CandidacyView Of(Candidacy candidacy) => new(
        candidacy.Id, candidacy.ConsultationProcessId, candidacy.Council, candidacy.Status, candidacy.Dossier, candidacy.Dossier.IsSelfNominated,
        candidacy.VoterConferences, candidacy.IsDistrusted, candidacy.Complaints, candidacy.UnresolvedComplaints.Count(),
        candidacy.StruckForRule, candidacy.StruckReason, candidacy.FiledAt);
}

/// <summary>How answers that carry protected personal data are marked.</summary>
public static class ProtectedResponses
{
    /// <summary>Cache-Control: neither the browser nor a proxy may keep a copy of a citizen ID or address.</summary>
    public const string NoStore = "no-store";
}

public static class CandidacyEndpoints
{
    [WolverineGet(Routes.Candidacy)]
    [ReadsDossiers]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<Candidacy>(id, cancellation) is { } candidacy ? Results.Ok(CandidacyView.Of(candidacy)) : CandidacyStreams.NotFound(id);

    [WolverineGet(Routes.CandidacyProtectedData)]
    [ReadsProtectedData]
    public static async Task<IResult> GetProtected(string id, IQuerySession session, HttpResponse response, CancellationToken cancellation)
    {
        response.Headers.CacheControl = ProtectedResponses.NoStore;
        return await session.LoadAsync<Candidacy>(id, cancellation) is { } candidacy ? Results.Ok(candidacy.Protected) : CandidacyStreams.NotFound(id);
    }
}
