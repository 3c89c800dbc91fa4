using System.Globalization;
using ElectionPrep.AdministrativeUnits;
using ElectionPrep.Common;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Mở quy trình hiệp thương cho một hội đồng tại một địa bàn.</summary>
/// <remarks>Whether the jurisdiction's level elects that council at all is input validation (a 400 naming the field),
/// checked with <see cref="AdministrativeUnit.Elects"/> before this decision runs. Whether the term elects it, and
/// whether the unit exists on the term's election day, are the law of that term: refusals.</remarks>
public sealed record OpenConsultationProcess(string TermId, CouncilKind Council, string JurisdictionCode, string Actor)
{
    public const string AlreadyOpen = "process-already-open";

    public const string CouncilNotElected = "council-not-elected-in-term";

    public const string UnitNotValid = "unit-not-valid-on-election-day";

    /// <param name="jurisdiction">The unit valid on the term's election day, or else the latest unit that carried the code.</param>
    /// <param name="jurisdictionPath">The jurisdiction's ancestors and itself, from the nation down.</param>
    /// <param name="definition">The workflow version the term binds to the council kind, which the process pins; null
    /// when the term elects no such council.</param>
    public static Decision Decide(
        OpenConsultationProcess command,
        ConsultationProcess? existing,
        Term term,
        AdministrativeUnit jurisdiction,
        IReadOnlyList<string> jurisdictionPath,
        WorkflowDefinition? definition,
        DateTimeOffset now)
    {
        if (definition is null || !term.Elects(command.Council))
        {
            var elected = term.Councils.Select(entry => entry.Council.Name()).ToList();
            var basis = string.Join("; ", term.CouncilsBasis);
            return Decision.Refuse(
                CouncilNotElected,
                $"Nhiệm kỳ {term.Name.Vi} không bầu {command.Council.Name().Vi}; nhiệm kỳ này bầu: {string.Join(", ", elected.Select(name => name.Vi))} ({basis}).",
                $"The term {term.Name.En} elects no {command.Council.Name().En}; it elects: {string.Join(", ", elected.Select(name => name.En))} ({basis}).");
        }

        if (!jurisdiction.IsValidOn(term.ElectionDay))
        {
            var day = term.ElectionDay.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            return Decision.Refuse(
                UnitNotValid,
                $"{jurisdiction.Name} ({jurisdiction.Code}) không tồn tại vào ngày bầu cử {day} của nhiệm kỳ {term.Id}: đơn vị có hiệu lực {jurisdiction.Period}.",
                $"{jurisdiction.NameEn} ({jurisdiction.Code}) does not exist on the term {term.Id}'s election day {day}: the unit is valid {jurisdiction.Period}.");
        }

        if (existing is not null)
        {
            return Decision.Refuse(
                AlreadyOpen,
                $"Quy trình hiệp thương {command.Council.Name().Vi} cho {jurisdiction.Name} đã được mở.",
                $"A consultation process for the {command.Council.Name().En} of {jurisdiction.NameEn} is already open.");
        }

        var id = ConsultationProcessId.For(command.TermId, command.Council, command.JurisdictionCode);
        return Decision.Accept(new ConsultationProcessOpened(
            id, command.TermId, command.Council, jurisdiction.Code, jurisdiction.Name, jurisdictionPath,
            definition.Id, definition.Version, command.Actor, now));
    }
}
