using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationConferences;
using Marten;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Which process a stream belongs to: itself, or the process of a conference, list or candidacy.</summary>
public static class ProcessOf
{
    public static async Task<string> StreamAsync(IQuerySession session, string streamId, CancellationToken cancellation)
    {
        if (ConsultationConference.TryParseId(streamId, out var processId, out _)) return processId;
        if (CandidateList.ProcessIdOf(streamId) is { } listProcess) return listProcess;
        if (!Candidacy.IsId(streamId)) return streamId;
        return (await session.LoadAsync<Candidacy>(streamId, cancellation))?.ConsultationProcessId ?? streamId;
    }
}
