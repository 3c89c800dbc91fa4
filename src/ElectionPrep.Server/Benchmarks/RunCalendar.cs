using ElectionPrep.Calendar;
using ElectionPrep.Terms;

namespace ElectionPrep.Benchmarks;

/// <summary>
/// When each phase of a preparation run happens: a morning some days before a step of the term's seeded calendar falls
/// due (late dossiers just after theirs), so the run follows the calendar of the term it prepares instead of dates
/// written into code.
/// </summary>
public sealed class RunCalendar(Term term, TimeZoneInfo zone)
{
    private static readonly TimeOnly Morning = new(8, 0);

    public DateTimeOffset Opening => MorningBefore("structure-projected", 6);

    public DateTimeOffset StructureProjected => MorningBefore("structure-projected", 2);

    public DateTimeOffset StructureAdjusted => MorningBefore("structure-adjusted", 0);

    public DateTimeOffset Filing => MorningBefore("dossiers-filed", 13);

    public DateTimeOffset DuplicateFiling => MorningBefore("dossiers-filed", 1);

    public DateTimeOffset LateFiling => DueAt("dossiers-filed").AddMinutes(30);

    public DateTimeOffset WindowsClosed => MorningBefore("second-consultation", 4);

    public DateTimeOffset VoterConferences => MorningBefore("voter-conferences", 12);

    public DateTimeOffset Publication => MorningBefore("official-list-published", 3);

    public DateTimeOffset Posting => MorningBefore("lists-posted", 1);

    /// <summary>Each consultation round sits the day before its step falls due.</summary>
    public DateTimeOffset Round(int round) => round switch
    {
        1 => MorningBefore("first-consultation", 2),
        2 => MorningBefore("second-consultation", 1),
        3 => MorningBefore("third-consultation", 1),
        _ => throw new ArgumentOutOfRangeException(nameof(round), round, "There are three consultation rounds."),
    };

    private DateTimeOffset MorningBefore(string stepId, int days)
    {
        var local = term.ElectionDay.AddDays(-(Step(stepId).DaysBeforeElection + days)).ToDateTime(Morning);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private DateTimeOffset DueAt(string stepId) =>
        LegalCalendar.For(term, Step(stepId).AppliesTo[0], zone).Single(deadline => deadline.StepId == stepId).DueAt;

    private CalendarStep Step(string stepId) =>
        term.Calendar.SingleOrDefault(step => step.Id == stepId) ?? throw new InvalidOperationException($"The term {term.Id} has no calendar step '{stepId}'.");
}
