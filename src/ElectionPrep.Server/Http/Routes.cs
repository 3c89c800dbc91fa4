namespace ElectionPrep.Http;

/// <summary>Every route, shared by the endpoints, the pages and the tests so a path is written once.</summary>
public static class Routes
{
    public const string Health = "/health";
    public const string OpenApiDocument = "/openapi/v1.json";
    public const string ApiReference = "/api-reference";
    public const string ScalarPrefix = "/scalar";
    public const string ScalarReference = ScalarPrefix + "/v1";

    /// <summary>Under this prefix a caller is a program: it gets status codes and problem details, never a redirect to a page.</summary>
    public const string Api = "/api";

    // Pages, what a person opens in the browser (mapped by Pages/PageRoutes.cs).
    public const string Dashboard = "/";
    public const string AccessDenied = "/access-denied";
    public const string AccountsPage = "/admin/accounts";
    public const string ProcessesPage = "/processes";
    public const string ProcessPage = "/processes/{id}";
    public const string CandidatesPage = "/processes/{id}/candidates";
    public const string NewDossierPage = "/processes/{id}/candidates/new";
    public const string ListBuilderPage = "/processes/{id}/list";
    public const string UploadPage = "/processes/{id}/upload";
    public const string OfficialListPage = "/processes/{id}/official-list";
    public const string PreliminaryListPage = "/processes/{id}/preliminary-list";
    public const string CandidacyPage = "/candidacies/{id}";
    public const string CandidacyProtectedDataPage = "/candidacies/{id}/protected";
    public const string VoterConferenceMinutesPage = "/candidacies/{id}/voter-conferences/{number}";
    public const string ConferencePage = "/conferences/{id}";
    public const string ConferenceMinutesPage = "/conferences/{id}/minutes";
    public const string AuditTrailPage = "/audit/{streamId}";
    public const string AuditProofPage = "/audit/proofs/{sequence}";
    public const string LanguageSwitches = "/language";
    public const string LanguageSwitch = LanguageSwitches + "/{culture}";

    public const string ConsultationProcesses = "/api/consultation-processes";
    public const string ConsultationProcess = "/api/consultation-processes/{id}";
    public const string StepCompletion = "/api/consultation-processes/{id}/steps/{stepId}/complete";
    public const string StructureAdjustments = "/api/consultation-processes/{id}/structure-adjustments";
    public const string Migrations = "/api/consultation-processes/{id}/migrations";
    public const string Conferences = "/api/consultation-processes/{id}/conferences";
    public const string Rollup = "/api/rollup/{jurisdictionCode}";
    public const string Inbox = "/api/inbox";

    public const string Conference = "/api/conferences/{id}";
    public const string ConferenceAttendance = "/api/conferences/{id}/attendance";
    public const string ConferenceMotions = "/api/conferences/{id}/motions";
    public const string ConferenceVote = "/api/conferences/{id}/motions/{motionId}/vote";
    public const string ConferenceDecisions = "/api/conferences/{id}/decisions";
    public const string ConferenceMinutesSignature = "/api/conferences/{id}/minutes/sign";

    public const string Workflows = "/api/workflows";

    public const string CalendarAmendments = "/api/terms/{termId}/calendar-amendments";

    public const string Accounts = "/api/accounts";
    public const string Tokens = "/api/tokens";
    public const string AccountPassword = "/api/accounts/{name}/password";
    public const string OwnPassword = "/api/account/password";
    public const string OwnPasswordPage = "/account/password";
    public const string SignIn = "/sign-in";
    public const string SignOut = "/sign-out";

    public const string Candidacies = "/api/consultation-processes/{id}/candidacies";
    public const string CandidacyBatches = "/api/consultation-processes/{id}/candidacies/batches";
    public const string CandidacySpreadsheets = "/api/consultation-processes/{id}/candidacies/spreadsheets";
    public const string Candidacy = "/api/candidacies/{id}";
    public const string CandidacyProtectedData = "/api/candidacies/{id}/protected";
    public const string CandidacyVoterConferences = "/api/candidacies/{id}/voter-conferences";
    public const string VoterConferences = "/api/consultation-processes/{id}/voter-conferences";
    public const string CandidacyComplaints = "/api/candidacies/{id}/complaints";
    public const string CandidacyComplaintVerification = "/api/candidacies/{id}/complaints/{complaintId}/verification";
    public const string CandidacyCitizenId = "/api/candidacies/{id}/citizen-id";

    public const string CandidateList = "/api/consultation-processes/{id}/candidate-list";
    public const string Constituencies = "/api/consultation-processes/{id}/candidate-list/constituencies";
    public const string Assignments = "/api/consultation-processes/{id}/candidate-list/assignments";
    public const string AssignmentBatches = "/api/consultation-processes/{id}/candidate-list/assignments/batches";
    public const string ConstituencySpreadsheets = "/api/consultation-processes/{id}/candidate-list/constituencies/spreadsheets";
    public const string AssignmentSpreadsheets = "/api/consultation-processes/{id}/candidate-list/assignments/spreadsheets";
    public const string SpreadsheetTemplate = "/api/spreadsheet-templates/{kind}";
    public const string OfficialList = "/api/consultation-processes/{id}/candidate-list/official";
    public const string Removals = "/api/consultation-processes/{id}/candidate-list/removals";
    public const string ElectionResults = "/api/consultation-processes/{id}/candidate-list/elected";
    public const string Withdrawals = "/api/consultation-processes/{id}/candidate-list/withdrawals";
    public const string Quotas = "/api/consultation-processes/{id}/quotas";
    public const string QuotaWhatIf = "/api/consultation-processes/{id}/quotas/what-if";
    public const string QuotaOverrides = "/api/consultation-processes/{id}/candidate-list/quota-overrides";
    public const string RuleSets = "/api/rule-sets";
    public const string QuotaRollup = "/api/quotas/rollup/{jurisdictionCode}";
    public const string NationalQuotas = "/api/quotas/national/{termId}";
    public const string ListEvaluation = "/api/quotas/list-evaluation";
    public const string AuditExport = "/api/audit/export";
    public const string AuditCheckpoints = "/api/audit/checkpoints";
    public const string AuditLatestCheckpoint = "/api/audit/checkpoints/latest";
    public const string AuditLatestCheckpointNote = "/api/audit/checkpoints/latest/note";
    public const string AuditPublicKey = "/api/audit/public-key";
    public const string AuditInclusionProof = "/api/audit/proofs/inclusion/{sequence}";
    public const string AuditConsistencyProof = "/api/audit/proofs/consistency";
    public const string AuditFindings = "/api/audit/findings";
    public const string AuditProtectedCommitments = "/api/audit/protected-commitments";
    public const string AuditStreamEvents = "/api/audit/streams/{streamId}/events";
    public const string AuditStreamEventsCsv = "/api/audit/streams/{streamId}/events.csv";
    public const string AuditProcessAsOf = "/api/audit/processes/{id}/as-of";
    public const string AuditListAsOf = "/api/audit/candidate-lists/{id}/as-of";
    public const string AuditQuotasAsOf = "/api/audit/quotas/{id}/as-of";
    public const string AuditProcessDiff = "/api/audit/processes/{id}/diff";
    public const string OfficialListCsv = "/api/consultation-processes/{id}/official-list.csv";
    public const string OfficialListJson = "/api/consultation-processes/{id}/official-list.json";

    /// <summary>Fills the route's placeholders in order, escaping each value.</summary>
    public static string For(string route, params string[] values)
    {
        var result = route;
        foreach (var value in values)
        {
            var open = result.IndexOf('{', StringComparison.Ordinal);
            var close = result.IndexOf('}', open);
            result = string.Concat(result.AsSpan(0, open), Uri.EscapeDataString(value), result.AsSpan(close + 1));
        }

        return result;
    }

    public static string ConsultationProcessFor(string id) => For(ConsultationProcess, id);
}
