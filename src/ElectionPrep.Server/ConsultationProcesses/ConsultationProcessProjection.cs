using ElectionPrep.Database;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Keeps the process aggregate current inline, delegating every event to the domain's Evolve.</summary>
public sealed class ConsultationProcessProjection() : AggregateProjection<ConsultationProcess>(ConsultationProcess.Evolve);
