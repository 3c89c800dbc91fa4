using ElectionPrep.Common;
using ElectionPrep.Workflows;

namespace ElectionPrep.Terms;

/// <summary>
/// Nhiệm kỳ: one election term as the law fixed it: election day, the legal calendar counted back from it, the
/// rule parameters (quorums, thresholds, list sizes), the councils it elects with the workflow and rule set each
/// runs on, and the instruments that govern it. Loaded from seeds/terms, never hard-coded: no code knows which term
/// it is.
/// </summary>
/// <param name="Councils">The councils this term elects; a process for any other council kind is refused.</param>
/// <param name="CouncilsBasis">The law that says which councils are elected (cited when one is refused).</param>
/// <param name="Holidays">The public holidays inside the term's calendar, shown beside its deadlines.</param>
public sealed record Term(
    string Id,
    BilingualText Name,
    DateOnly ElectionDay,
    LegalBasis ElectionDayBasis,
    string TimeZone,
    IReadOnlyList<CalendarStep> Calendar,
    RuleParameters Rules,
    IReadOnlyList<TermCouncil> Councils,
    IReadOnlyList<LegalBasis> CouncilsBasis,
    IReadOnlyList<LegalInstrument> Instruments,
    IReadOnlyList<PublicHoliday>? Holidays = null)
{
    /// <summary>The public holidays the seed lists, none when it lists none.</summary>
    public IReadOnlyList<PublicHoliday> PublicHolidays => Holidays ?? [];

    /// <summary>The holiday <paramref name="day"/> falls in, or null.</summary>
    public PublicHoliday? HolidayOn(DateOnly day) => PublicHolidays.FirstOrDefault(holiday => holiday.From <= day && day <= holiday.To);

    /// <summary>The council's entry, or null when this term elects no such council.</summary>
    public TermCouncil? CouncilOf(CouncilKind council) => Councils.FirstOrDefault(entry => entry.Council == council);

    public bool Elects(CouncilKind council) => CouncilOf(council) is not null;
}

/// <summary>
/// Hội đồng được bầu trong nhiệm kỳ: a council kind the term elects, bound to the workflow definition version and
/// the quota rule set version that implement the term's law for it.
/// </summary>
public sealed record TermCouncil(CouncilKind Council, VersionedId Workflow, VersionedId RuleSet);

/// <summary>A versioned data file by id and version, e.g. commune-council v2.</summary>
public sealed record VersionedId(string Id, int Version)
{
    public override string ToString() => $"{Id} v{Version}";
}

/// <summary>
/// Mốc thời gian luật định: a step of the legal calendar, due a number of days before election day (E−n),
/// at a time of day where the law gives one, otherwise by the end of that day. Its id is stable within a term, so a
/// later decision (e.g. an NEC amendment under Art. 98(3)) can name the step it moves.
/// </summary>
/// <param name="OpensDaysBeforeElection">For a window (e.g. voter conferences), when it opens; null otherwise.</param>
/// <param name="Confirmed">False where the seed's source marks the offset as not verified; <paramref name="Note"/> says why.</param>
public sealed record CalendarStep(
    string Id,
    BilingualText Title,
    int DaysBeforeElection,
    IReadOnlyList<CouncilKind> AppliesTo,
    IReadOnlyList<LegalBasis> Basis,
    TimeOnly? TimeOfDay = null,
    int? OpensDaysBeforeElection = null,
    bool Confirmed = true,
    string? Note = null);

/// <summary>
/// Ngày nghỉ lễ: a public holiday (e.g. Tết Nguyên đán), from and to inclusive, with its legal basis. The election law
/// counts calendar days, so a deadline on a holiday stays where it is unless the term's rule says it moves.
/// </summary>
public sealed record PublicHoliday(
    string Id,
    BilingualText Name,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<LegalBasis> Basis,
    bool Confirmed = true,
    string? Note = null);
