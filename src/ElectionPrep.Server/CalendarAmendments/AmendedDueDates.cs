using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Seeds;
using Marten;

namespace ElectionPrep.CalendarAmendments;

/// <summary>A process's legal calendar as it stands: the seeded term's, with the NEC's amendments that reach the process.</summary>
public static class AmendedDueDates
{
    public static IReadOnlyDictionary<string, DateTimeOffset> Of(ConsultationProcess process, SeedCatalog seeds, AmendedCalendar? amended)
    {
        var seeded = seeds.DueDates(process.TermId, process.Council);
        return amended?.Apply(seeded, process.Council, process.JurisdictionPath) ?? seeded;
    }

    public static Task<AmendedCalendar?> LoadAsync(IQuerySession session, string termId, CancellationToken cancellation) =>
        session.LoadAsync<AmendedCalendar>(AmendedCalendar.IdFor(termId), cancellation);
}
