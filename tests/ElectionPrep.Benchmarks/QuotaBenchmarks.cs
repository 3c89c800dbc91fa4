using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using ElectionPrep.Candidates;
using ElectionPrep.Common;
using ElectionPrep.Quotas;
using ElectionPrep.Terms;

BenchmarkSwitcher.FromAssembly(typeof(ElectionPrep.Benchmarks.ProvinceListEvaluation).Assembly).Run(args);

namespace ElectionPrep.Benchmarks
{
    /// <summary>Synthetic candidates at the 2021 scale, the same for every run (fixed seed).</summary>
    public static class Synthetic
    {
        public static readonly DateOnly ElectionDay = new(2021, 5, 23);

        public static readonly AgeRule YoungCandidateAge = new(40, new RuleBasis([new LegalBasis("NQ 1187/NQ-UBTVQH14")], Confirmed: true));

        private static readonly RuleBasis Law = new([new LegalBasis("Luật 85/2015/QH13")], Confirmed: true);

        public static readonly RuleSet Rules = new("commune-council", 1, CouncilKind.CommuneCouncil, new DateOnly(2021, 1, 11),
        [
            Rule("women", CandidateAttributes.Woman, TargetSeverity.Requirement, "35%"),
            Rule("non-party", CandidateAttributes.NonParty, TargetSeverity.Target, "10%"),
            Rule("young", CandidateAttributes.Young, TargetSeverity.Target, "15%"),
            Rule("ethnic-minority", CandidateAttributes.EthnicMinority, TargetSeverity.Requirement, "18%"),
        ]);

        private static QuotaRule Rule(string id, string attribute, TargetSeverity severity, string share) =>
            new(id, new BilingualText(id, id), Population.OfficialList, attribute, MeasureKind.Share, severity, Rounding.Exact, QuotaBase.Candidates,
                Law, new DateOnly(2021, 1, 11), AtLeastShare: Fraction.Parse(share));

        public static readonly QuotaContext OfficialList = new(Population.OfficialList);

        public static CandidateDossier[] Dossiers(int count)
        {
            var random = new Random(2021);
            string[] ethnicities = ["Kinh", "Kinh", "Kinh", "Tày", "Nùng", "Dao", "Mông"];
            return [.. Enumerable.Range(0, count).Select(i => new CandidateDossier($"Người {i}", new DateOnly(1950 + random.Next(50), 1 + random.Next(12), 1 + random.Next(28)),
                random.Next(100) < 38 ? Gender.Female : Gender.Male, ethnicities[random.Next(ethnicities.Length)], "Không", CandidateDossier.Vietnam, [],
                random.Next(100) < 85, "Đại học", "Cán bộ", "UBND", null, "01834", null, null, [], []))];
        }
    }

    /// <summary>
    /// A province's People's Council list (about 6,200 candidates as in 2021): recounting from the dossiers (baseline)
    /// against evaluating the attributes read models keep.
    /// </summary>
    [MemoryDiagnoser]
    [ShortRunJob]
    public class ProvinceListEvaluation
    {
        private CandidateDossier[] dossiers = [];
        private QuotaSubject[] subjects = [];

        [Params(6_200)]
        public int Candidates { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            dossiers = Synthetic.Dossiers(Candidates);
            subjects = [.. dossiers.Select((d, i) => new QuotaSubject($"c{i}", d.FullName, $"dv{i % 40}", CandidateAttributes.Of(d, CouncilKind.ProvincialCouncil, Synthetic.ElectionDay, Synthetic.YoungCandidateAge)))];
        }

        [Benchmark(Baseline = true)]
        public int FromDossiers() =>
            QuotaEvaluation.Evaluate(Synthetic.Rules, dossiers.Select((d, i) => new QuotaSubject($"c{i}", d.FullName, $"dv{i % 40}",
                CandidateAttributes.Of(d, CouncilKind.ProvincialCouncil, Synthetic.ElectionDay, Synthetic.YoungCandidateAge))).ToList(), Synthetic.OfficialList).Count;

        [Benchmark]
        public int FromKeptAttributes() => QuotaEvaluation.Evaluate(Synthetic.Rules, subjects, Synthetic.OfficialList).Count;
    }

    /// <summary>
    /// A national roll-up over about 450,000 candidates in about 11,300 lists: evaluating every candidate (baseline)
    /// against summing the per-list counts the async daemon keeps (ListQuotaCounts) and evaluating the sums.
    /// </summary>
    [MemoryDiagnoser]
    [ShortRunJob]
    public class NationalRollup
    {
        private QuotaSubject[] everyone = [];
        private Dictionary<string, int>[] perList = [];
        private int[] listSizes = [];

        [Params(450_000)]
        public int Candidates { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            var dossiers = Synthetic.Dossiers(Candidates);
            everyone = [.. dossiers.Select((d, i) => new QuotaSubject($"c{i}", d.FullName, null, CandidateAttributes.Of(d, CouncilKind.CommuneCouncil, Synthetic.ElectionDay, Synthetic.YoungCandidateAge)))];
            var lists = everyone.Select((subject, i) => (subject, list: i % 11_300)).GroupBy(pair => pair.list).ToList();
            listSizes = [.. lists.Select(list => list.Count())];
            perList = [.. lists.Select(list => list.SelectMany(pair => pair.subject.Attributes).GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count()))];
        }

        [Benchmark(Baseline = true)]
        public int EveryCandidate() => QuotaEvaluation.Evaluate(Synthetic.Rules, everyone, Synthetic.OfficialList).Count;

        [Benchmark]
        public int SumOfListCounts()
        {
            var total = 0;
            var sums = new Dictionary<string, int>();
            for (var i = 0; i < perList.Length; i++)
            {
                total += listSizes[i];
                foreach (var (attribute, count) in perList[i]) sums[attribute] = sums.GetValueOrDefault(attribute) + count;
            }

            return QuotaEvaluation.EvaluateCounts(Synthetic.Rules, total, sums, Synthetic.OfficialList).Count;
        }
    }
}
