using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep;

/// <summary>Fixed inputs for pure specs: the 2021 election day, Vietnam's time zone and a small calendar.</summary>
public static class TestTerms
{
    public static readonly DateOnly ElectionDay2021 = new(2021, 5, 23);

    public static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static readonly DateTimeOffset Now = new(2021, 2, 1, 8, 0, 0, TimeSpan.FromHours(7));

    public static readonly CouncilKind[] NationalAssembly = [CouncilKind.NationalAssemblyCentral, CouncilKind.NationalAssemblyProvincial];

    public static readonly CouncilKind[] PeoplesCouncils = [CouncilKind.ProvincialCouncil, CouncilKind.DistrictCouncil, CouncilKind.CommuneCouncil];

    private static readonly CouncilKind[] AllCouncils = Enum.GetValues<CouncilKind>();
    private static readonly LegalBasis[] Law85 = [new("Luật 85/2015/QH13")];
    private static readonly RuleBasis Confirmed = new(Law85, Confirmed: true);

    public static CalendarStep Step(string id, int daysBeforeElection, TimeOnly? timeOfDay = null, int? opens = null, params CouncilKind[] appliesTo) =>
        new(id, new BilingualText(id, id), daysBeforeElection, appliesTo.Length == 0 ? AllCouncils : appliesTo, Law85, timeOfDay, opens);

    public static Term Term(params CalendarStep[] calendar) =>
        new("2021-2026", new BilingualText("Nhiệm kỳ 2021–2026", "Term 2021–2026"), ElectionDay2021,
            new LegalBasis("Nghị quyết 133/2020/QH14"), "Asia/Ho_Chi_Minh", calendar, Rules,
            [.. AllCouncils.Select(council => new TermCouncil(council, new VersionedId(council.Slug(), 1), new VersionedId(council.Slug(), 1)))],
            Law85, [new Workflows.LegalInstrument("Luật 85/2015/QH13", new BilingualText("Luật Bầu cử", "Election law"), new DateOnly(2015, 9, 1))]);

    /// <summary>A term like 2026–2031's: election day 15 March 2026, no district council.</summary>
    public static Term TermWithoutDistricts(params CalendarStep[] calendar) => Term(calendar) with
    {
        Id = "2026-2031",
        Name = new BilingualText("Nhiệm kỳ 2026–2031", "Term 2026–2031"),
        ElectionDay = new DateOnly(2026, 3, 15),
        Councils = [.. Term().Councils.Where(entry => entry.Council != CouncilKind.DistrictCouncil)],
        CouncilsBasis = [new LegalBasis("Luật 83/2025/QH15", "Điều 4 khoản 6")],
    };

    /// <summary>The basis the voter conferences' rules cite, which a refusal naming a missing conference quotes.</summary>
    public static readonly RuleBasis VoterConferenceLaw = new([new("NQ 1186/2021/UBTVQH14")], Confirmed: true);

    public static readonly RuleParameters Rules = new(
        ConsultationQuorum: new ShareRule(Fraction.Parse("2/3"), ShareComparison.AtLeast, Confirmed),
        ConsultationMajority: new ShareRule(Fraction.Parse("1/2"), ShareComparison.MoreThan, Confirmed),
        DistrustExclusion: new ShareRule(Fraction.Parse("1/2"), ShareComparison.MoreThan, Confirmed),
        WorkplaceVoterConferenceQuorum: new VoterConferenceQuorum(100, new ShareRule(Fraction.Parse("2/3"), ShareComparison.AtLeast, Confirmed), 70, Confirmed),
        ResidenceVoterConferenceQuorum: new VoterConferenceQuorum(100, new ShareRule(Fraction.Parse("1/2"), ShareComparison.MoreThan, Confirmed), 55, Confirmed),
        CandidateMinimumAge: new AgeRule(21, Confirmed),
        YoungCandidateAge: new AgeRule(40, Confirmed),
        MaxSeatsPerConstituency: [new SeatLimit(NationalAssembly, 3, Confirmed), new SeatLimit(PeoplesCouncils, 5, Confirmed)],
        CandidatesBeyondSeats:
        [
            new ListSizeRule(NationalAssembly, 1, 3, 2, Confirmed),
            new ListSizeRule(PeoplesCouncils, 1, 2, 1, Confirmed),
            new ListSizeRule(PeoplesCouncils, 3, 3, 2, Confirmed),
            new ListSizeRule(PeoplesCouncils, 4, 5, 3, Confirmed),
        ],
        Eligibility:
        [
            .. new[] { "minimum-age", "vietnamese-citizen", "not-barred", "dossier-complete" }.Select(id => new EligibilityRule(id, new BilingualText(id, id), AllCouncils, Confirmed)),
            new EligibilityRule("sole-vietnamese-nationality", new BilingualText("quốc tịch", "nationality"), NationalAssembly, Confirmed),
            new EligibilityRule("lives-or-works-in-locality", new BilingualText("địa phương", "locality"), PeoplesCouncils, Confirmed),
        ],
        MultipleCandidacy: new MultipleCandidacyRule(2, 1, new RuleBasis([new("Luật 85/2015/QH13", "Điều 36")], Confirmed: true)),
        RequiredVoterConferences:
        [
            new RequiredVoterConference(Candidates.VoterConferenceKind.Residence, CandidateGroup.Everyone, VoterConferenceLaw),
            new RequiredVoterConference(Candidates.VoterConferenceKind.Workplace, CandidateGroup.SelfNominees, VoterConferenceLaw),
        ],
        ConsultationConferenceBodies: new ConferenceComposition(
            [new ConferenceBody("Hội Liên hiệp Phụ nữ", ConsultationConferences.Participation.Participant), new ConferenceBody("Ủy ban nhân dân", ConsultationConferences.Participation.Guest)],
            Confirmed));

}
