using JasperFx.Events;
using Marten.Events.Aggregation;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Keeps the process aggregate current inline, delegating every event to the domain's Evolve.</summary>
public sealed class ConsultationProcessProjection : SingleStreamProjection<ConsultationProcess, string>
{
    public override ConsultationProcess? Evolve(ConsultationProcess? snapshot, string id, IEvent e) =>
        ConsultationProcess.Evolve(snapshot, e.Data);
}
