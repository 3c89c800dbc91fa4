using JasperFx.Events;
using Marten.Events.Aggregation;

namespace ElectionPrep.ConsultationConferences;

/// <summary>Keeps each conference current inline, delegating every event to the domain's Evolve.</summary>
public sealed class ConsultationConferenceProjection : SingleStreamProjection<ConsultationConference, string>
{
    public override ConsultationConference? Evolve(ConsultationConference? snapshot, string id, IEvent e) =>
        ConsultationConference.Evolve(snapshot, e.Data);
}
