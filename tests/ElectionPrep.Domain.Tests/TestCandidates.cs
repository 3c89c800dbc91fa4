using ElectionPrep.Candidates;
using ElectionPrep.Terms;

namespace ElectionPrep;

/// <summary>Dossiers and candidacies for specs: an eligible 35-year-old woman living in ward 01834 by default.</summary>
public static class TestCandidates
{
    public static readonly DossierDocument[] AllDocuments =
        [.. Enum.GetValues<DocumentKind>().Select(kind => new DossierDocument(kind, new string('a', 64)))];

    public static CandidateDossier Dossier(string fullName = "Nguyễn Thị Lan", DateOnly? born = null, string? nominatedBy = null) =>
        new(fullName, born ?? new DateOnly(1986, 3, 2), Gender.Female, "Tày", "Không", CandidateDossier.Vietnam, [], false, "Đại học", "Giáo viên",
            "Trường THCS Sông Cầu", "01837", "01834", null,
            nominatedBy is null ? null : new Nomination(nominatedBy, new NominationMeeting(new DateOnly(2021, 2, 25), "BB-01"),
                new WorkplaceConferenceResult(new DateOnly(2021, 3, 1), 60, 55, 50, "BB-02"), new NominationMeeting(new DateOnly(2021, 3, 3), "QĐ-03")),
            AllDocuments, []);

    public static readonly ProtectedPersonalData Protected = new("001086000123", "Tổ 5, phường Nguyễn Thị Minh Khai", "0912345678", null);

    /// <summary>A candidacy filed for the commune council of the specs' process, for a spec that decides on it.</summary>
    public static Spec<Candidacy> Filed(string candidacyId, string fullName = "Nguyễn Thị Lan", string processId = TestWorkflows.ProcessId, string? nominatedBy = null) =>
        Spec.Candidacy.Given(new CandidacyFiled(candidacyId, processId, CouncilKind.CommuneCouncil, $"person-{candidacyId}", Dossier(fullName, nominatedBy: nominatedBy),
            Protected, "clerk", TestTerms.Now));

    /// <summary>A voter conference of this kind that trusted the candidate: 80 of the 90 voters present.</summary>
    public static VoterConferenceRecorded Heard(string candidacyId, VoterConferenceKind kind) =>
        new(candidacyId, kind, new DateOnly(2021, 4, 1), 100, 90, 80, 10, [], "BB-CT", false, "clerk", TestTerms.Now);

    /// <summary>Units in Bắc Kạn City (058), the jurisdiction of the specs' district and its wards.</summary>
    public static bool InBacKanCity(string unitCode) => unitCode is "058" or "01834" or "01837" or "01840";

    public static readonly DateOnly ElectionDay = new(2021, 5, 23);

    public static IReadOnlyList<EligibilityFinding> Check(CandidateDossier dossier, CouncilKind council = CouncilKind.DistrictCouncil, params CouncilKind[] others) =>
        Eligibility.Check(dossier, council, ElectionDay, TestTerms.Rules, new OtherCandidacies(others), InBacKanCity);
}
