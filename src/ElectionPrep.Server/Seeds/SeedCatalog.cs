using ElectionPrep.AdministrativeUnits;
using ElectionPrep.Calendar;
using ElectionPrep.Common;
using ElectionPrep.Quotas;
using ElectionPrep.Database;
using ElectionPrep.Terms;

namespace ElectionPrep.Seeds;

/// <summary>Everything read from seeds/ at start-up: the terms and the administrative units.</summary>
public sealed class SeedCatalog
{
    private readonly Dictionary<string, (Term Term, TimeZoneInfo Zone)> terms;

    private readonly IReadOnlyList<(ProvinceListSeed List, Dictionary<string, decimal> Shares)> ethnicMinorityShares;

    private SeedCatalog(IEnumerable<Term> terms, AdministrativeUnitCatalog units, IReadOnlyList<RuleSet> ruleSets,
        IReadOnlyList<(ProvinceListSeed List, Dictionary<string, decimal> Shares)> ethnicMinorityShares)
    {
        this.terms = terms.ToDictionary(term => term.Id, term => (term, TimeZoneInfo.FindSystemTimeZoneById(term.TimeZone)));
        Units = units;
        RuleSets = ruleSets;
        this.ethnicMinorityShares = ethnicMinorityShares;
    }

    /// <summary>Every version of every quota rule set (seeds/rules).</summary>
    public IReadOnlyList<RuleSet> RuleSets { get; }

    /// <summary>The rule set a term binds to a council kind (the loader has checked that it exists).</summary>
    public RuleSet RuleSetFor(string termId, CouncilKind council)
    {
        var binding = TermOf(termId).CouncilOf(council)?.RuleSet
            ?? throw new InvalidOperationException($"The term '{termId}' elects no {council}; a process for it is never opened.");
        return FindRuleSet(binding)!;
    }

    /// <summary>The rule set of the process's term for its council.</summary>
    public RuleSet RuleSetFor(ConsultationProcesses.ConsultationProcess process) => RuleSetFor(process.TermId, process.Council);

    /// <summary>The locality parameters of the process's jurisdiction in its term.</summary>
    public IReadOnlyDictionary<string, Fraction> UnitParameters(ConsultationProcesses.ConsultationProcess process) =>
        UnitParameters(process.TermId, process.JurisdictionCode);

    private RuleSet? FindRuleSet(VersionedId binding) => RuleSets.FirstOrDefault(set => set.Id == binding.Id && set.Version == binding.Version);

    /// <summary>
    /// Locality parameters of quota rules for a jurisdiction in a term: its province's ethnic minority share (2019 census), where
    /// known for the units of the term's election day.
    /// </summary>
    public IReadOnlyDictionary<string, Fraction> UnitParameters(string termId, string jurisdictionCode)
    {
        var electionDay = TermOf(termId).ElectionDay;
        var province = PathOf(jurisdictionCode, electionDay).Skip(1).FirstOrDefault();
        var shares = ethnicMinorityShares.FirstOrDefault(entry => Covers(entry.List, electionDay)).Shares;
        return province is not null && shares is not null && shares.TryGetValue(province, out var share)
            ? new Dictionary<string, Fraction> { ["ethnicMinorityShare"] = new Fraction((int)Math.Round(share * 10000m), 10000) }
            : new Dictionary<string, Fraction>();
    }

    public AdministrativeUnitCatalog Units { get; }

    public IEnumerable<Term> Terms => terms.Values.Select(entry => entry.Term);

    /// <summary>
    /// The latest term this installation can prepare: the one with the latest election day on which some province exists
    /// (a seed folder holding only the 63 provinces of 2021 prepares 2021–2026). Where times are shown, its zone is used.
    /// </summary>
    public Term LatestTerm => TermsLatestFirst.FirstOrDefault(term => Units.All.Any(unit => unit.Level == UnitLevel.Province && unit.IsValidOn(term.ElectionDay)))
        ?? TermsLatestFirst[0];

    /// <summary>Every term, latest election day first, as a form lists them.</summary>
    public IReadOnlyList<Term> TermsLatestFirst => [.. Terms.OrderByDescending(term => term.ElectionDay)];

    public Term? FindTerm(string? id) => id is not null && terms.TryGetValue(id, out var entry) ? entry.Term : null;

    /// <summary>The term a stream belongs to; every stream is opened under a seeded term, so a missing one is a broken seed.</summary>
    public Term TermOf(string termId) => FindTerm(termId) ?? throw new InvalidOperationException($"The term '{termId}' is not seeded.");

    public TimeZoneInfo TimeZoneOf(Term term) => terms[term.Id].Zone;

    /// <summary>The legal calendar of a term for a council kind: calendar step id → deadline.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> DueDates(string termId, CouncilKind council)
    {
        var term = FindTerm(termId) ?? throw new ArgumentException($"Unknown term {termId}", nameof(termId));
        return LegalCalendar.For(term, council, TimeZoneOf(term)).ToDictionary(deadline => deadline.StepId, deadline => deadline.DueAt);
    }

    /// <summary>The first instant of the term's election day, in its time zone.</summary>
    public DateTimeOffset ElectionDayStart(Term term)
    {
        var midnight = term.ElectionDay.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, TimeZoneOf(term).GetUtcOffset(midnight));
    }

    /// <summary>
    /// The unit's code and its ancestors' on that day, from the nation down: ["VN", "06", "061", "01834"] on 23/5/2021,
    /// ["VN", "19", "01843"] on 15/3/2026.
    /// </summary>
    public IReadOnlyList<string> PathOf(string unitCode, DateOnly on)
    {
        var path = new List<string>();
        for (var unit = Units.Find(unitCode, on); unit is not null; unit = Units.Find(unit.ParentCode, on)) path.Insert(0, unit.Code);
        return path;
    }

    /// <summary>The unit's path on the election day of a term.</summary>
    public IReadOnlyList<string> PathOf(string unitCode, string termId) => PathOf(unitCode, TermOf(termId).ElectionDay);

    /// <summary>The name of the unit a code names in a term, for people to read; the code when no unit carries it.</summary>
    public string UnitNameOf(string code, string termId) => UnitOf(code, termId)?.Name ?? code;

    /// <summary>The unit a code names on a term's election day, or else the latest unit that carried it.</summary>
    public AdministrativeUnit? UnitOf(string? code, string termId) =>
        FindTerm(termId) is { } term ? Units.Find(code, term.ElectionDay) ?? Units.Find(code) : Units.Find(code);

    /// <summary>The seeds shipped beside the server binary, unless Seeds:Path points elsewhere.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static SeedCatalog Load(string root)
    {
        var termFolder = Path.Combine(root, "terms");
        var unitFolder = Path.Combine(root, "units");
        if (!Directory.Exists(termFolder) || !Directory.Exists(unitFolder))
        {
            throw new StartupRefusedException($"Seed folder {Path.GetFullPath(root)} must contain terms/ and units/; start-up stopped. Set Seeds__Path to the repository's seeds folder.");
        }

        var termValidator = new TermValidator();
        var termList = Directory.GetFiles(termFolder, "*.json").Order().Select(file => (File: file, Term: SeedFile.Read(file, termValidator))).ToList();
        if (termList.Count == 0) throw new StartupRefusedException($"No term in {termFolder}; start-up stopped.");

        var listValidator = new ProvinceListSeedValidator();
        var detailValidator = new ProvinceDetailSeedValidator();
        // One folder per period is the convention (units/2025/…); any depth is read.
        var unitFiles = Directory.GetFiles(unitFolder, "*.json", SearchOption.AllDirectories).Order().ToList();
        var lists = unitFiles.Where(IsProvinceList).Select(file => (File: file, Seed: SeedFile.Read(file, listValidator))).ToList();
        if (lists.Count == 0) throw new StartupRefusedException($"No province list ({UnitSeeds.ProvinceListPrefix}*.json) in {unitFolder}; start-up stopped.");
        var details = unitFiles.Where(file => !IsProvinceList(file))
            .Select(file => (File: file, Seed: InListPeriod(file, SeedFile.Read(file, detailValidator), [.. lists.Select(list => list.Seed)])))
            .ToList();

        var ruleFolder = Path.Combine(root, "rules");
        var ruleValidator = new RuleSetValidator();
        var ruleSets = Directory.Exists(ruleFolder)
            ? Directory.GetFiles(ruleFolder, "*.json").Order().Select(file => SeedFile.Read(file, ruleValidator)).ToList()
            : [];
        CheckBindings(termFolder, termList, ruleSets);

        var shares = lists.Select(list => (list.Seed, list.Seed.Units.Where(unit => unit.EthnicMinorityShare is not null)
            .ToDictionary(unit => unit.Code, unit => unit.EthnicMinorityShare!.Value))).ToList();
        return new SeedCatalog(termList.Select(entry => entry.Term), new AdministrativeUnitCatalog(UnitSeeds.Units(lists.Select(list => list.Seed), details.Select(detail => detail.Seed))),
            ruleSets, shares);
    }

    /// <summary>
    /// A province file lies within the period of a list that holds its province; one that gives no period takes its list's,
    /// when only one list holds the province.
    /// </summary>
    private static ProvinceDetailSeed InListPeriod(string file, ProvinceDetailSeed seed, IReadOnlyList<ProvinceListSeed> lists)
    {
        var holding = lists.Where(list => list.Units.Any(province => province.Code == seed.Province.Code)).ToList();
        if (seed.ValidFrom is null && seed.ValidTo is null && holding.Count == 1) return seed with { ValidFrom = holding[0].ValidFrom, ValidTo = holding[0].ValidTo };
        if (holding.Any(list => UnitSeeds.Within(seed, list))) return seed;
        throw SeedFile.Refused(file, [("$.province.code", holding.Count > 1 && seed.ValidFrom is null && seed.ValidTo is null
            ? $"province {seed.Province.Code} is in several province lists: say which period the file describes (validFrom, validTo)"
            : $"province {seed.Province.Code} is in no province list valid for the file's period ({seed.ValidFrom}–{seed.ValidTo})")]);
    }

    private static bool IsProvinceList(string file) => Path.GetFileName(file).StartsWith(UnitSeeds.ProvinceListPrefix, StringComparison.Ordinal);

    private static bool Covers(ProvinceListSeed period, DateOnly day) =>
        (period.ValidFrom is null || period.ValidFrom <= day) && (period.ValidTo is null || day <= period.ValidTo);

    /// <summary>Every rule set a term binds exists and is for the council it is bound to; term ids are unique.</summary>
    private static void CheckBindings(string termFolder, IReadOnlyList<(string File, Term Term)> terms, IReadOnlyList<RuleSet> ruleSets)
    {
        foreach (var clash in terms.GroupBy(entry => entry.Term.Id).Where(group => group.Count() > 1))
        {
            throw SeedFile.Refused(clash.Last().File, [("$.id", $"term id '{clash.Key}' is also the id of {clash.First().File}")]);
        }

        foreach (var (file, term) in terms)
        {
            var problems = term.Councils.Select((entry, index) => (Path: $"$.councils[{index}].ruleSet", entry.Council, Found: ruleSets.FirstOrDefault(set =>
                    set.Id == entry.RuleSet.Id && set.Version == entry.RuleSet.Version), entry.RuleSet))
                .Where(binding => binding.Found?.Council != binding.Council || binding.Found.EffectiveFrom > term.ElectionDay)
                .Select(binding => (binding.Path, binding.Found is null
                    ? $"no quota rule set {binding.RuleSet} in {Path.Combine(Path.GetDirectoryName(termFolder)!, "rules")}"
                    : binding.Found.Council != binding.Council
                        ? $"the rule set {binding.RuleSet} is for {binding.Found.Council}, not {binding.Council}"
                        : $"the rule set {binding.RuleSet} comes into force on {binding.Found.EffectiveFrom:yyyy-MM-dd}, after the term's election day {term.ElectionDay:yyyy-MM-dd}"))
                .ToList();
            if (problems.Count > 0) throw SeedFile.Refused(file, problems);
        }
    }
}
