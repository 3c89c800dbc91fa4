using ElectionPrep.CandidateLists;
using ElectionPrep.Database;

namespace ElectionPrep.Candidates;

/// <summary>Keeps candidacies, people and candidate lists current inline, each through the domain's Evolve.</summary>
public sealed class CandidacyProjection() : AggregateProjection<Candidacy>(Candidacy.Evolve);

public sealed class PersonProjection() : AggregateProjection<Person>(Person.Evolve);

public sealed class CandidateListProjection() : AggregateProjection<CandidateList>(CandidateList.Evolve);

/// <summary>Which stream each event of a multi-stream decision belongs to.</summary>
public static class EventStreams
{
    public static (string StreamId, Type Aggregate) Of(object @event) => @event switch
    {
        CandidacyFiled e => (e.CandidacyId, typeof(Candidacy)),
        VoterConferenceRecorded e => (e.CandidacyId, typeof(Candidacy)),
        ComplaintRecorded e => (e.CandidacyId, typeof(Candidacy)),
        ComplaintVerified e => (e.CandidacyId, typeof(Candidacy)),
        CandidacyStruck e => (e.CandidacyId, typeof(Candidacy)),
        CitizenIdCorrected e => (e.CandidacyId, typeof(Candidacy)),
        PersonCandidacyRegistered e => (e.PersonId, typeof(Person)),
        PersonCandidacyReleased e => (e.PersonId, typeof(Person)),
        CandidateRegistered e => (e.CandidateListId, typeof(CandidateList)),
        CandidateStruckFromList e => (e.CandidateListId, typeof(CandidateList)),
        ConstituenciesPublished e => (e.CandidateListId, typeof(CandidateList)),
        CandidateAssigned e => (e.CandidateListId, typeof(CandidateList)),
        OfficialListPublished e => (e.CandidateListId, typeof(CandidateList)),
        CandidateRemoved e => (e.CandidateListId, typeof(CandidateList)),
        CandidateWithdrawn e => (e.CandidateListId, typeof(CandidateList)),
        QuotaOverrideRecorded e => (e.CandidateListId, typeof(CandidateList)),
        ElectionResultsRecorded e => (e.CandidateListId, typeof(CandidateList)),
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "No stream for this event"),
    };

    /// <summary>
    /// Appends each event to its stream: the streams the decision's loader fetched for writing (or knows to be new) through
    /// the writer given for them, so their versions are checked; any other through a plain append, which Marten refuses
    /// for a stream that does not exist (stream types are mandatory), so nothing is appended to a stream no one started.
    /// </summary>
    public static void Append(Marten.IDocumentSession session, IEnumerable<object> events, IReadOnlyDictionary<string, Action<object[]>> writers)
    {
        foreach (var group in events.GroupBy(e => Of(e).StreamId))
        {
            if (writers.TryGetValue(group.Key, out var write)) write([.. group]);
            else session.Events.Append(group.Key, [.. group]);
        }
    }
}
