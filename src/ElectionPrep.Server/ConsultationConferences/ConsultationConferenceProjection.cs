using ElectionPrep.Database;

namespace ElectionPrep.ConsultationConferences;

/// <summary>Keeps each conference current inline, delegating every event to the domain's Evolve.</summary>
public sealed class ConsultationConferenceProjection() : AggregateProjection<ConsultationConference>(ConsultationConference.Evolve);
