using ElectionPrep.AdministrativeUnits;
using ElectionPrep.Common;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Mở quy trình hiệp thương cho một hội đồng tại một địa bàn.</summary>
/// <remarks>Whether the jurisdiction elects that council at all is input validation (a 400 naming the field),
/// checked with <see cref="AdministrativeUnit.Elects"/> before this decision runs.</remarks>
public sealed record OpenConsultationProcess(string TermId, CouncilKind Council, string JurisdictionCode, string Actor)
{
    public const string AlreadyOpen = "process-already-open";

    /// <param name="jurisdictionPath">The jurisdiction's ancestors and itself, from the nation down.</param>
    /// <param name="definition">The current version of the council kind's workflow, which the process pins.</param>
    public static Decision Decide(
        OpenConsultationProcess command,
        ConsultationProcess? existing,
        AdministrativeUnit jurisdiction,
        IReadOnlyList<string> jurisdictionPath,
        WorkflowDefinition definition,
        DateTimeOffset now)
    {
        if (existing is not null)
        {
            return Decision.Refuse(
                AlreadyOpen,
                $"Quy trình hiệp thương cho {jurisdiction.Name} đã được mở ({existing.Id}).",
                $"A consultation process for {jurisdiction.NameEn} is already open ({existing.Id}).");
        }

        var id = ConsultationProcessId.For(command.TermId, command.Council, command.JurisdictionCode);
        return Decision.Accept(new ConsultationProcessOpened(
            id, command.TermId, command.Council, jurisdiction.Code, jurisdiction.Name, jurisdictionPath,
            definition.Id, definition.Version, command.Actor, now));
    }
}
