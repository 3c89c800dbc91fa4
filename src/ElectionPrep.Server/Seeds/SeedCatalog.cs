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

    private readonly Dictionary<string, decimal> ethnicMinorityShares;

    private SeedCatalog(IEnumerable<Term> terms, AdministrativeUnitCatalog units, IReadOnlyList<RuleSet> ruleSets, Dictionary<string, decimal> ethnicMinorityShares)
    {
        this.terms = terms.ToDictionary(term => term.Id, term => (term, TimeZoneInfo.FindSystemTimeZoneById(term.TimeZone)));
        Units = units;
        RuleSets = ruleSets;
        this.ethnicMinorityShares = ethnicMinorityShares;
    }

    /// <summary>Every version of every quota rule set (seeds/rules).</summary>
    public IReadOnlyList<RuleSet> RuleSets { get; }

    /// <summary>
    /// The rule set of a council kind for a term: of those in force on its election day, the latest to come into force,
    /// its highest version. The files say when each came into force, so a term needs no code to find its own.
    /// </summary>
    public RuleSet RuleSetFor(CouncilKind council, string termId) => RuleSetFor(council, TermOf(termId));

    public RuleSet RuleSetFor(CouncilKind council, Term term) =>
        InForce(RuleSets, council, term) ?? throw new InvalidOperationException($"No quota rule set for {council} is in force on {IsoDate(term)} (term {term.Id}).");

    private static string IsoDate(Term term) => term.ElectionDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static RuleSet? InForce(IEnumerable<RuleSet> ruleSets, CouncilKind council, Term term) =>
        ruleSets.Where(set => set.Council == council && set.EffectiveFrom <= term.ElectionDay)
            .OrderBy(set => set.EffectiveFrom).ThenBy(set => set.Version).LastOrDefault();

    /// <summary>
    /// Locality parameters of quota rules for a jurisdiction: its province's ethnic minority share (2019 census), where known.
    /// </summary>
    public IReadOnlyDictionary<string, Fraction> UnitParameters(string jurisdictionCode)
    {
        var province = PathOf(jurisdictionCode).Skip(1).FirstOrDefault();
        return province is not null && ethnicMinorityShares.TryGetValue(province, out var share)
            ? new Dictionary<string, Fraction> { ["ethnicMinorityShare"] = new Fraction((int)Math.Round(share * 10000m), 10000) }
            : new Dictionary<string, Fraction>();
    }

    public AdministrativeUnitCatalog Units { get; }

    public IEnumerable<Term> Terms => terms.Values.Select(entry => entry.Term);

    /// <summary>The term with the latest election day: where new processes open, and whose zone the pages show times in.</summary>
    public Term LatestTerm => Terms.MaxBy(term => term.ElectionDay)!;

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

    /// <summary>The unit's code and its ancestors', from the nation down: ["VN", "06", "061", "01834"].</summary>
    public IReadOnlyList<string> PathOf(string unitCode)
    {
        var path = new List<string>();
        for (var unit = Units.Find(unitCode); unit is not null; unit = Units.Find(unit.ParentCode)) path.Insert(0, unit.Code);
        return path;
    }

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
        var termList = Directory.GetFiles(termFolder, "*.json").Order().Select(file => SeedFile.Read(file, termValidator)).ToList();
        if (termList.Count == 0) throw new StartupRefusedException($"No term in {termFolder}; start-up stopped.");

        var provinces = SeedFile.Read(Path.Combine(unitFolder, "provinces.json"), new ProvinceListSeedValidator());
        var detailValidator = new ProvinceDetailSeedValidator();
        var details = Directory.GetFiles(unitFolder, "*.json")
            .Where(file => Path.GetFileName(file) != "provinces.json")
            .Order()
            .Select(file => (File: file, Seed: SeedFile.Read(file, detailValidator)))
            .ToList();
        foreach (var (file, seed) in details.Where(detail => provinces.Units.All(province => province.Code != detail.Seed.Province.Code)))
        {
            throw SeedFile.Refused(file, [("$.province.code", $"province {seed.Province.Code} is not in provinces.json")]);
        }

        var ruleFolder = Path.Combine(root, "rules");
        var ruleValidator = new RuleSetValidator();
        var ruleSets = Directory.Exists(ruleFolder)
            ? Directory.GetFiles(ruleFolder, "*.json").Order().Select(file => SeedFile.Read(file, ruleValidator)).ToList()
            : [];
        foreach (var council in Enum.GetValues<CouncilKind>().Where(council => ruleSets.All(set => set.Council != council)))
        {
            throw new StartupRefusedException($"No quota rule set for {council} in {ruleFolder}; start-up stopped.");
        }

        foreach (var (term, council) in termList.SelectMany(term => Enum.GetValues<CouncilKind>().Select(council => (term, council))).Where(pair => InForce(ruleSets, pair.council, pair.term) is null))
        {
            throw new StartupRefusedException($"No quota rule set for {council} in {ruleFolder} is in force on {IsoDate(term)} (term {term.Id}); start-up stopped.");
        }

        var shares = provinces.Units.Where(unit => unit.EthnicMinorityShare is not null).ToDictionary(unit => unit.Code, unit => unit.EthnicMinorityShare!.Value);
        return new SeedCatalog(termList, new AdministrativeUnitCatalog(UnitSeeds.Units(provinces, details.Select(detail => detail.Seed))), ruleSets, shares);
    }
}
