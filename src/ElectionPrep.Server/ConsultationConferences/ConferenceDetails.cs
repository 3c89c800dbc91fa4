using ElectionPrep.Http;
using Marten;
using Wolverine.Http;

namespace ElectionPrep.ConsultationConferences;

public static class ConferenceDetailsEndpoint
{
    [WolverineGet(Routes.Conference)]
    [ReadsDossiers]
    public static async Task<IResult> Get(string id, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<ConsultationConference>(id, cancellation) is { } conference ? Results.Ok(conference) : ConferenceStreams.NotFound(id);
}
