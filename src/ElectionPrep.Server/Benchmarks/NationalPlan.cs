using System.Globalization;
using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;

namespace ElectionPrep.Benchmarks;

/// <summary>How much of the country a run prepares.</summary>
public enum BenchmarkScale
{
    /// <summary>Bắc Kạn with one district and two of its communes, a handful of candidates each: the test suite's run.</summary>
    Small,

    /// <summary>Bắc Kạn in full (8 districts, 108 communes), at 2021 list sizes, with the two National Assembly processes.</summary>
    Province,

    /// <summary>All 63 provinces, about 11,000 processes and 450,000 candidacies.</summary>
    National,
}

/// <summary>What happens to a dossier, so that every rule the filing and the rounds enforce is exercised.</summary>
public enum CandidateFate
{
    /// <summary>Filed, trusted by the voters, on the official list.</summary>
    Qualified,

    /// <summary>Filed, then not trusted by more than half of the residence conference: left out of round 3.</summary>
    Distrusted,

    /// <summary>Filed after the 17:00 deadline: refused.</summary>
    Late,

    /// <summary>Under the minimum age or barred: refused as ineligible.</summary>
    Ineligible,

    /// <summary>A second dossier of someone already standing at the same level elsewhere: refused as a multiple candidacy.</summary>
    Duplicate,
}

public sealed record PlannedCandidate(FileCandidacyRequest Dossier, CandidateFate Fate, string? ConstituencyId);

public sealed record PlannedProcess(CouncilKind Council, string Jurisdiction, IReadOnlyList<Constituency> Constituencies, IReadOnlyList<PlannedCandidate> Candidates)
{
    public string Id(string termId) => ConsultationProcessId.For(termId, Council, Jurisdiction);

    /// <summary>Round 1's allocation: every dossier a body will file, refused ones included, since a refusal takes no place.</summary>
    public IReadOnlyList<ConsultationConferences.NominationAllocation> Allocations =>
        [.. Candidates.Where(candidate => candidate.Dossier.Nomination is not null)
            .GroupBy(candidate => candidate.Dossier.Nomination!.NominatingBody)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new ConsultationConferences.NominationAllocation(group.Key, group.Count()))];
}

/// <summary>
/// A deterministic preparation of the 2021 elections: every council's process down to the communes, its constituencies of
/// three seats with five candidates each, and dossiers with realistic shares (about 42% women, ethnic minorities at least
/// the province's census share, some non-Party, under 40 and incumbent candidates) plus a few per cent of late, ineligible,
/// distrusted and duplicate dossiers. Figures that are the law's (the quota rules, the list sizes) are enforced by the
/// server, not here: a plan that broke one would show as a refused publication.
/// </summary>
public sealed record NationalPlan(BenchmarkScale Scale, string TermId, AdministrativeTree Tree, IReadOnlyList<PlannedProcess> Processes)
{
    public const string PlanProvince = "06";

    /// <summary>The plan's choice of constituency size; how many candidates stand in each is the term's rule (ListRules).</summary>
    private const int SeatsPerConstituency = 3;

    private const double WomenShare = 0.42, NonPartyShare = 0.12, UnderFortyShare = 0.2, IncumbentShare = 0.3, SelfNominatedShare = 0.03,
        ExtraShare = 0.045, NationalAssemblyMinorityFloor = 0.2, CensusShareUnknown = 0.15;

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Hà", "Nông", "Triệu"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Minh", "Thanh", "Đức", "Ngọc", "Quang", "Thu", "Hải", "Xuân"];
    private static readonly string[] GivenNames = ["An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hạnh", "Hòa", "Hùng", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Yến"];
    private static readonly string[] Minorities = ["Tày", "Nùng", "Dao", "H'Mông", "Thái", "Mường", "Khmer", "Sán Chay"];
    private static readonly string[] Bodies = ["Đảng ủy", "Ủy ban nhân dân", "Ủy ban MTTQ Việt Nam", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Hội Nông dân", "Hội Cựu chiến binh", "Liên đoàn Lao động"];
    private static readonly string[] Professions = ["Giáo viên", "Bác sĩ", "Cán bộ", "Nông dân", "Kỹ sư", "Công nhân", "Doanh nhân", "Luật sư"];

    public int Candidacies => Processes.Sum(process => process.Candidates.Count);

    public int Count(CandidateFate fate) => Processes.Sum(process => process.Candidates.Count(candidate => candidate.Fate == fate));

    /// <param name="calendar">When the run files the dossiers: their nominations are dated before it.</param>
    public static NationalPlan Generate(BenchmarkScale scale, AdministrativeTree tree, Term term, RunCalendar calendar, int seed)
    {
        var random = new Random(seed);
        var provinces = scale == BenchmarkScale.National ? tree.Details.Select(detail => detail.Province).ToList() : [tree.Details.Single(detail => detail.Province.Code == PlanProvince).Province];
        var builder = new Builder(random, term, DateOnly.FromDateTime(calendar.Filing.Date), provinces.ToDictionary(province => province.Code, province => (double?)province.EthnicMinorityShare ?? CensusShareUnknown));
        var processes = new List<PlannedProcess>();
        var allCommunes = provinces.SelectMany(Communes).ToList();

        processes.Add(builder.Process(CouncilKind.NationalAssemblyCentral, AdministrativeUnits.AdministrativeUnit.NationCode, provinces[0].Code,
            scale == BenchmarkScale.Small ? 1 : 10, allCommunes));
        foreach (var province in provinces)
        {
            var communes = Communes(province).ToList();
            processes.Add(builder.Process(CouncilKind.NationalAssemblyProvincial, province.Code, province.Code, scale == BenchmarkScale.Small ? 1 : 3, communes));
            processes.Add(builder.Process(CouncilKind.ProvincialCouncil, province.Code, province.Code, scale == BenchmarkScale.Small ? 1 : random.Next(17, 29), communes));
            var districts = (province.Districts ?? []).Take(scale == BenchmarkScale.Small ? 1 : int.MaxValue);
            foreach (var district in districts)
            {
                if (province.HasDistrictCouncils || district.Kind is not ("UrbanDistrict" or "MunicipalCity"))
                {
                    processes.Add(builder.Process(CouncilKind.DistrictCouncil, district.Code, province.Code, scale == BenchmarkScale.Small ? 1 : random.Next(10, 14), district.Communes));
                }

                foreach (var commune in district.Communes.Take(scale == BenchmarkScale.Small ? 2 : int.MaxValue)
                    .Where(commune => province.HasWardCouncils || commune.Kind != "Ward"))
                {
                    processes.Add(builder.Process(CouncilKind.CommuneCouncil, commune.Code, province.Code, scale == BenchmarkScale.Small ? 1 : random.Next(5, 11), [commune]));
                }
            }
        }

        return new NationalPlan(scale, term.Id, tree, Builder.WithDuplicates(processes));
    }

    private static IEnumerable<CommuneSeed> Communes(ProvinceSeed province) => (province.Districts ?? []).SelectMany(district => district.Communes);

    /// <summary>Draws the processes' people in order, so the same seed gives the same plan.</summary>
    private sealed class Builder(Random random, Term term, DateOnly filedOn, IReadOnlyDictionary<string, double> minorityShares)
    {
        private long citizens;
        private int extras;

        public PlannedProcess Process(CouncilKind council, string jurisdiction, string province, int constituencyCount, IReadOnlyList<CommuneSeed> communes)
        {
            var constituencies = Enumerable.Range(1, constituencyCount)
                .Select(number => new Constituency($"dv{number}", $"Đơn vị bầu cử số {number}", SeatsPerConstituency)).ToList();
            var qualified = constituencyCount * ListRules.MinimumCandidates(SeatsPerConstituency, council, term.Rules).Required;
            var nationalAssembly = council is CouncilKind.NationalAssemblyCentral or CouncilKind.NationalAssemblyProvincial;
            var minorityShare = nationalAssembly ? Math.Max(minorityShares[province], NationalAssemblyMinorityFloor) : minorityShares[province];
            var women = Exactly(qualified, WomenShare);
            var minority = Exactly(qualified, minorityShare);
            var nonParty = Exactly(qualified, NonPartyShare);
            var young = Exactly(qualified, UnderFortyShare);
            var incumbent = Exactly(qualified, IncumbentShare);
            var selfNominated = Exactly(qualified, SelfNominatedShare);
            var candidates = Enumerable.Range(0, qualified).Select(index => new PlannedCandidate(
                Dossier(council, province, communes, women[index], minority[index], nonParty[index], young[index], incumbent[index], selfNominated[index], adult: true),
                CandidateFate.Qualified, constituencies[index % constituencyCount].Id)).ToList();

            // At least one extra a process, in turn through the fates, so even the small run meets each rule.
            var extraCount = Math.Max(1, (int)Math.Round(qualified * ExtraShare));
            for (var index = 0; index < extraCount; index++)
            {
                var fate = (CandidateFate)(1 + extras++ % 4);
                candidates.Add(new PlannedCandidate(
                    Dossier(council, province, communes, woman: false, minority: false, nonParty: false, young: false, incumbent: false, selfNominated: false,
                        adult: fate != CandidateFate.Ineligible || index % 2 == 1, barred: fate == CandidateFate.Ineligible && index % 2 == 1),
                    fate, null));
            }

            return new PlannedProcess(council, jurisdiction, constituencies, candidates);
        }

        /// <summary>Each duplicate becomes a second dossier of a qualified candidate of another process of the same council kind.</summary>
        public static List<PlannedProcess> WithDuplicates(List<PlannedProcess> processes) =>
        [
            .. processes.Select((process, index) => process with
            {
                Candidates = [.. process.Candidates.Select(candidate => candidate.Fate != CandidateFate.Duplicate ? candidate : Duplicate(candidate, processes, index))],
            }),
        ];

        private static PlannedCandidate Duplicate(PlannedCandidate candidate, List<PlannedProcess> processes, int index)
        {
            var council = processes[index].Council;
            var other = processes.Where((process, position) => position != index && process.Council == council).FirstOrDefault();
            // Alone at its level (the one central process): the duplicate is filed twice in its own process.
            var original = (other ?? processes[index]).Candidates.First(person => person.Fate == CandidateFate.Qualified).Dossier;
            return candidate with
            {
                Dossier = candidate.Dossier with
                {
                    FullName = original.FullName, DateOfBirth = original.DateOfBirth, Gender = original.Gender, CitizenId = original.CitizenId,
                },
            };
        }

        private bool[] Exactly(int count, double share)
        {
            var chosen = (int)Math.Ceiling(count * share);
            return [.. Enumerable.Range(0, count).Select(index => index < chosen).OrderBy(_ => random.Next())];
        }

        private FileCandidacyRequest Dossier(CouncilKind council, string province, IReadOnlyList<CommuneSeed> communes, bool woman, bool minority, bool nonParty,
            bool young, bool incumbent, bool selfNominated, bool adult, bool barred = false)
        {
            var number = ++citizens;
            // Ages around the term's seeded thresholds, a year clear of each, since the birthday may fall after election day:
            // under the minimum age for an ineligible dossier, under the young candidates' age for a young one.
            var (minimum, youngAge) = (term.Rules.CandidateMinimumAge.Years, term.Rules.YoungCandidateAge.Years);
            var age = !adult ? minimum - 2 : young ? random.Next(minimum + 1, youngAge) : random.Next(youngAge + 1, youngAge + 25);
            var born = new DateOnly(term.ElectionDay.Year - age, random.Next(1, 13), random.Next(1, 29));
            var given = GivenNames[random.Next(GivenNames.Length)];
            var fullName = $"{FamilyNames[random.Next(FamilyNames.Length)]} {(woman ? "Thị" : MiddleNames[random.Next(MiddleNames.Length)])} {given}";
            var residence = communes[random.Next(communes.Count)].Code;
            var heldOn = filedOn.AddDays(-10);
            var citizenId = $"0{province}{number:D9}";
            return new FileCandidacyRequest(
                fullName, born, woman ? Gender.Female : Gender.Male, minority ? Minorities[random.Next(Minorities.Length)] : "Kinh", "Không", CandidateDossier.Vietnam, [],
                !nonParty, "Đại học", Professions[random.Next(Professions.Length)], $"Cơ quan số {random.Next(1, 200)}", residence, residence,
                incumbent ? council : null,
                selfNominated ? null : new Nomination(Bodies[random.Next(Bodies.Length)], new NominationMeeting(heldOn, "BB-01"),
                    new WorkplaceConferenceResult(heldOn.AddDays(3), 60, 55, 50, "BB-02"), new NominationMeeting(heldOn.AddDays(5), "QĐ-03")),
                [.. CandidateDossier.RequiredDocuments.Select(kind => new DocumentUpload(kind, $"{kind}.pdf",
                    Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{citizenId} {kind}")))))],
                barred ? ["Đang bị truy cứu trách nhiệm hình sự"] : [],
                council is CouncilKind.NationalAssemblyCentral or CouncilKind.NationalAssemblyProvincial && random.Next(10) < 4,
                citizenId, $"Số {number % 200 + 1}, tổ {number % 30 + 1}", "09" + (number % 100_000_000).ToString("D8", CultureInfo.InvariantCulture), null);
        }
    }
}
