using ElectionPrep.Common;
using ElectionPrep.Terms;

namespace ElectionPrep.Workflows;

/// <summary>
/// Định nghĩa quy trình: a versioned consultation workflow for one council kind, loaded from workflows/*.json.
/// A running process pins the id and version it started on.
/// </summary>
public sealed record WorkflowDefinition(
    string Id,
    int Version,
    BilingualText Title,
    CouncilKind Council,
    IReadOnlyList<LegalInstrument> Instruments,
    IReadOnlyList<WorkflowStep> Steps)
{
    public WorkflowStep? FindStep(string? stepId) => Steps.FirstOrDefault(step => step.Id == stepId);

    /// <summary>What a step leads to: the steps that wait for it. Derived, so it can never disagree with waitsFor.</summary>
    public IReadOnlyList<string> LeadsTo(string stepId) =>
        Steps.Where(step => step.WaitsFor.Contains(stepId)).Select(step => step.Id).ToList();

    /// <summary>The step of this kind (the dossier window, the list's publication…), if the workflow has one.</summary>
    public WorkflowStep? StepOfKind(StepKind kind) => Steps.FirstOrDefault(step => step.Kind == kind);

    /// <summary>The id of the step of this kind; without one, the kind's name, which every action refuses as an unknown step.</summary>
    public string StepIdOf(StepKind kind) => StepOfKind(kind)?.Id ?? kind.ToString();

    /// <summary>The conference step of a consultation round (1, 2 or 3), if the workflow has one.</summary>
    public WorkflowStep? ConferenceStep(int round) =>
        Steps.FirstOrDefault(step => step.Kind == StepKind.ConferenceRound && step.Round == round);

    /// <summary>Which round decides this: the definition says, one round a purpose (the definition validator sees to it).</summary>
    public int RoundFor(RoundPurpose purpose) =>
        Steps.Single(step => step.Kind == StepKind.ConferenceRound && step.Decides == purpose).Round!.Value;

    /// <summary>What the round decides, if the workflow has that round.</summary>
    public RoundPurpose? PurposeOf(int round) => ConferenceStep(round)?.Decides;
}

/// <summary>Văn bản pháp luật: an instrument the workflow follows, with the article and when it took effect.</summary>
public sealed record LegalInstrument(string Number, BilingualText Title, DateOnly EffectiveFrom, string? Articles = null);

/// <summary>
/// Bước của quy trình. <paramref name="Deadline"/> names a step of the term's legal calendar (seeds/terms), which
/// holds its offset from election day, time of day and legal basis: each legal date is written once.
/// </summary>
/// <param name="Round">For a conference round, which one (1, 2, 3).</param>
/// <param name="Decides">For a conference round, what it decides.</param>
/// <param name="ReminderDays">Days before the deadline at which the responsible body is reminded.</param>
/// <param name="Gates">Named checks (see <see cref="Gates"/>) that must pass before the step can complete.</param>
public sealed record WorkflowStep(
    string Id,
    BilingualText Title,
    StepKind Kind,
    Body ActingBody,
    IReadOnlyList<ActorRole> Roles,
    IReadOnlyList<string> WaitsFor,
    IReadOnlyList<LegalBasis> Basis,
    string? Deadline = null,
    IReadOnlyList<int>? ReminderDays = null,
    IReadOnlyList<string>? Gates = null,
    int? Round = null,
    RoundPurpose? Decides = null)
{
    public IReadOnlyList<int> Reminders => ReminderDays ?? [];

    public IReadOnlyList<string> GateIds => Gates ?? [];
}

/// <summary>
/// Mục đích của hội nghị hiệp thương: what each of the three consultation conferences decides (Luật 85/2015/QH13,
/// Điều 38–39, 43–44, 50–58 for the National Assembly and People's Councils).
/// </summary>
public enum RoundPurpose
{
    /// <summary>Lần thứ nhất: the structure, composition and number of nominees, allocated per nominating body.</summary>
    Structure,

    /// <summary>Lần thứ hai: the preliminary list of candidates, sent to the voters' conferences.</summary>
    PreliminaryList,

    /// <summary>Lần thứ ba: the list of those who meet the standards, from which the official list is made.</summary>
    QualifiedList,
}

/// <summary>Loại bước.</summary>
public enum StepKind
{
    /// <summary>Dự kiến cơ cấu, thành phần, phân bổ.</summary>
    StructureProjection,

    /// <summary>Thành lập tổ chức phụ trách bầu cử.</summary>
    CommitteeFormation,

    /// <summary>Hội nghị hiệp thương (lần 1, 2, 3).</summary>
    ConferenceRound,

    /// <summary>Điều chỉnh cơ cấu giữa các lần hiệp thương.</summary>
    StructureAdjustment,

    /// <summary>Công bố đơn vị bầu cử.</summary>
    ConstituencyPublication,

    /// <summary>Giới thiệu người ứng cử.</summary>
    NominationWindow,

    /// <summary>Nộp hồ sơ ứng cử.</summary>
    DossierWindow,

    /// <summary>Hội nghị cử tri.</summary>
    VoterConferences,

    /// <summary>Gửi biên bản, danh sách.</summary>
    MinutesTransmission,

    /// <summary>Công bố danh sách chính thức.</summary>
    ListPublication,

    /// <summary>Niêm yết danh sách.</summary>
    ListPosting,
}

/// <summary>Cơ quan chịu trách nhiệm: the body whose inbox a step appears in.</summary>
public enum Body
{
    /// <summary>Ban Thường trực Ủy ban MTTQ (the Presidium at central level).</summary>
    FrontStandingBoard,

    /// <summary>Ủy ban Thường vụ Quốc hội.</summary>
    NationalAssemblyStandingCommittee,

    /// <summary>Thường trực HĐND.</summary>
    CouncilStandingBody,

    /// <summary>Hội đồng bầu cử quốc gia.</summary>
    NationalElectionCouncil,

    /// <summary>Ủy ban bầu cử.</summary>
    ElectionCommittee,

    /// <summary>Ủy ban nhân dân.</summary>
    PeoplesCommittee,

    /// <summary>Cơ quan, tổ chức, đơn vị giới thiệu người ứng cử.</summary>
    NominatingBodies,
}

/// <summary>Vai trò người dùng: who may record an action on a step.</summary>
public enum ActorRole
{
    /// <summary>Quản trị hệ thống.</summary>
    Administrator,

    /// <summary>Chủ tịch (người chủ trì) Ban Thường trực.</summary>
    CommitteeChair,

    /// <summary>Ủy viên Ban Thường trực.</summary>
    CommitteeMember,

    /// <summary>Cán bộ nghiệp vụ, thư ký.</summary>
    Clerk,

    /// <summary>Người giám sát.</summary>
    Observer,
}
