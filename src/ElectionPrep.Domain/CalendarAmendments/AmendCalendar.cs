using ElectionPrep.AdministrativeUnits;
using ElectionPrep.Common;
using ElectionPrep.Terms;
using ElectionPrep.Workflows;

namespace ElectionPrep.CalendarAmendments;

/// <summary>
/// Điều chỉnh lịch bầu cử: the National Election Council moves one step of a term's legal calendar, for the whole
/// term or for one council kind or jurisdiction, by its decision and for a stated reason (Art. 98(3)).
/// </summary>
public sealed record AmendCalendar(
    string TermId,
    string CalendarStepId,
    CouncilKind? Council,
    string? JurisdictionCode,
    DateTimeOffset DueAt,
    string Reference,
    string Reason)
{
    public const string UnknownJurisdiction = "amendment-unknown-jurisdiction";
    public const string UnknownCalendarStep = "amendment-unknown-calendar-step";
    public const string CouncilOutsideStep = "amendment-council-outside-step";
    public const string AfterElectionDay = "amendment-after-election-day";

    /// <param name="jurisdiction">The unit the command names, as it stands on election day; null when it names none or none exists.</param>
    /// <param name="electionDay">The term's election day, in its time zone, from its first instant.</param>
    public static Decision Decide(
        AmendCalendar command, Actor actor, Term term, AdministrativeUnit? jurisdiction, AmendedCalendar? amended, DateTimeOffset electionDay, DateTimeOffset now)
    {
        if (Mandate.WhyNotAmendCalendar(actor) is { } notMandated) return Decision.Refuse(notMandated);

        if (command.JurisdictionCode is { } code && jurisdiction?.Code != code)
        {
            return Decision.Refuse(UnknownJurisdiction,
                $"Không có đơn vị hành chính '{code}' vào ngày bầu cử {term.ElectionDay:dd/MM/yyyy}.",
                $"There is no administrative unit '{code}' on election day, {term.ElectionDay:dd/MM/yyyy}.");
        }

        if (term.Calendar.FirstOrDefault(step => step.Id == command.CalendarStepId) is not { } step)
        {
            return Decision.Refuse(UnknownCalendarStep,
                $"Lịch nhiệm kỳ {term.Id} không có bước '{command.CalendarStepId}'; các bước: {string.Join(", ", term.Calendar.Select(s => s.Id))}.",
                $"The calendar of term {term.Id} has no step '{command.CalendarStepId}'; its steps: {string.Join(", ", term.Calendar.Select(s => s.Id))}.");
        }

        if (command.Council is { } council && !step.AppliesTo.Contains(council))
        {
            return Decision.Refuse(CouncilOutsideStep,
                $"Bước '{step.Title.Vi}' không áp dụng cho {council} trong nhiệm kỳ {term.Id}.",
                $"Step '{step.Title.En}' does not apply to {council} in term {term.Id}.");
        }

        // The calendar counts back from election day; moving a preparation step past it would leave nothing to prepare.
        if (command.DueAt >= electionDay)
        {
            return Decision.Refuse(AfterElectionDay,
                $"Hạn mới phải trước ngày bầu cử {term.ElectionDay:dd/MM/yyyy}.",
                $"The new deadline must fall before election day, {term.ElectionDay:dd/MM/yyyy}.");
        }

        return Decision.Accept(new CalendarStepAmended(
            AmendedCalendar.IdFor(term.Id), term.Id, (amended?.Amendments.Count ?? 0) + 1, step.Id, command.Council, command.JurisdictionCode,
            command.DueAt, command.Reference, command.Reason, actor.Name, now));
    }
}
