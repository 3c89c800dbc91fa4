using ElectionPrep.CandidateLists;
using ElectionPrep.Candidates;
using ElectionPrep.Common;
using ElectionPrep.ConsultationConferences;
using ElectionPrep.Seeds;
using ElectionPrep.Workflows;
using FluentValidation;

namespace ElectionPrep.Demo;

/// <summary>
/// Dữ liệu trình diễn: the made-up province the demo seeds (seeds/demo/bac-kan.json): its accounts, the processes it
/// opens, and the wards it drives: one part-way through round 2, one with its dossier window still open. Data, not law: every figure of law stays in the term's seeds.
/// </summary>
public sealed record DemoSeed(string Description, string Term, DateTimeOffset Start, IReadOnlyList<DemoAccount> Accounts, IReadOnlyList<DemoOpening> Openings, IReadOnlyList<DemoWard> Wards)
{
    public static string PathIn(string seedFolder) => Path.Combine(seedFolder, "demo", "bac-kan.json");

    public DemoAccount Account(string name) => Accounts.First(account => account.Name == name);
}

/// <summary>
/// A demo account; its password is printed on the console, which is the point of a demo. An account with a
/// <paramref name="FullName"/> signs forms with it and its Vietnamese title.
/// </summary>
public sealed record DemoAccount(string Name, string Password, IReadOnlyList<ActorRole> Roles, BilingualText Title, string? Body = null, string? Jurisdiction = null,
    string? FullName = null)
{
    public Accounts.Signatory? Signatory => FullName is null ? null : new(FullName, Title.Vi);
}

/// <summary>A process opened and left at its first steps, by the account named in <paramref name="By"/>.</summary>
public sealed record DemoOpening(string Council, string Jurisdiction, string By);

/// <summary>
/// A ward whose process is driven through round 1 and the dossiers, and into round 2 when <see cref="SecondRound"/> is given.
/// <paramref name="Chair"/> chairs its Front committee; <paramref name="Clerks"/> names, for each body the law has act on the
/// ward's steps, the account that acts for it.
/// </summary>
public sealed record DemoWard(
    string Jurisdiction,
    string Chair,
    IReadOnlyDictionary<Body, string> Clerks,
    DateTimeOffset OpenedAt,
    IReadOnlyDictionary<string, DemoStep> Steps,
    IReadOnlyList<Invitee> Invitees,
    DemoConference FirstRound,
    int TotalNominees,
    IReadOnlyList<NominationAllocation> Allocations,
    IReadOnlyList<Constituency> Constituencies,
    IReadOnlyList<DemoCandidate> Candidates,
    DemoConference? SecondRound)
{
    public string ClerkOf(Body body) => Clerks.TryGetValue(body, out var clerk) ? clerk : throw new InvalidOperationException($"The demo ward {Jurisdiction} has no account acting for {body}.");
}

/// <summary>A step's completion: the decision or report it rests on, and when it was made.</summary>
public sealed record DemoStep(string Reference, DateTimeOffset At);

/// <summary>A conference as far as the demo takes it: a round 1 with its vote and minutes, a round 2 with only its motion put.</summary>
public sealed record DemoConference(
    DateTimeOffset ScheduledAt, string Place, string Chair, IReadOnlyList<string> Present, string MotionId, string Motion,
    RecordVoteRequest? Vote = null, string? MinutesReference = null);

/// <summary>A dossier as the clerk posts it, and when; the document checklist is filled in, as the demo has no scanned files.</summary>
public sealed record DemoCandidate(FileCandidacyRequest Dossier, DateTimeOffset FiledAt)
{
    /// <summary>The request with the parts every demo dossier shares: each document's SHA-256 is that of its file name.</summary>
    public FileCandidacyRequest Request() => Dossier with
    {
        OtherNationalities = Dossier.OtherNationalities ?? [],
        BarringGrounds = Dossier.BarringGrounds ?? [],
        Documents = [.. CandidateDossier.RequiredDocuments.Select(Document)],
    };

    // Neutral names: a file name is read by others, so it carries nothing of the person (no citizen ID, no name).
    private DocumentUpload Document(DocumentKind kind) =>
        new(kind, $"{kind}.pdf", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{FiledAt:O} {kind}"))));
}

/// <summary>The cross-references a typo would break: who acts must be an account, who is present must be invited.</summary>
public sealed class DemoSeedValidator : AbstractValidator<DemoSeed>
{
    public DemoSeedValidator()
    {
        RuleFor(seed => seed.Term).NotEmpty();
        RuleFor(seed => seed.Start).NotEqual(default(DateTimeOffset)).WithMessage("the demo clock's start is required");
        RuleFor(seed => seed.Accounts).NotEmpty();
        RuleFor(seed => seed.Openings).NotNull();
        RuleFor(seed => seed.Wards).NotEmpty();
        RuleForEach(seed => seed.Wards).ChildRules(ward =>
        {
            ward.RuleForEach(w => w.Candidates).ChildRules(candidate =>
            {
                candidate.RuleFor(c => c.Dossier).NotNull();
                candidate.RuleFor(c => c.FiledAt).NotEqual(default(DateTimeOffset)).WithMessage("'filedAt' is required");
            });
            ward.RuleForEach(w => w.FirstRound.Present).Must((w, id) => w.Invitees.Any(invitee => invitee.Id == id))
                .WithMessage("'{PropertyValue}' is not among the invitees");
            ward.RuleForEach(w => w.SecondRound!.Present).Must((w, id) => w.Invitees.Any(invitee => invitee.Id == id))
                .WithMessage("'{PropertyValue}' is not among the invitees").When(w => w.SecondRound is not null);
        }).When(seed => seed.Wards is not null);
        RuleForEach(seed => seed.Accounts).ChildRules(account =>
            account.RuleFor(a => a.Password).MinimumLength(12).WithMessage("a demo password has at least 12 characters"));
        RuleForEach(seed => seed.Openings).Must((seed, opening) => seed.Accounts.Any(account => account.Name == opening.By))
            .WithMessage("'by' names no account of this file");
        RuleForEach(seed => seed.Wards).Must((seed, ward) => ward.Clerks.Values.Append(ward.Chair).All(name => seed.Accounts.Any(account => account.Name == name)))
            .WithMessage("the ward's chair and clerks must be accounts of this file").When(seed => seed.Wards is not null);
    }

    /// <summary>
    /// Strict like every seed, except that members may be left out: a dossier names only what it has, as the API accepts,
    /// and what the demo needs is checked above.
    /// </summary>
    public static DemoSeed Load(string seedFolder)
    {
        var file = DemoSeed.PathIn(seedFolder);
        var (seed, problems) = SeedFile.TryRead(file, new DemoSeedValidator(), Options);
        return problems.Count == 0 ? seed! : throw SeedFile.Refused(file, [.. problems.Select(problem => (problem.Path, problem.Problem))]);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Options = new(SeedJson.Options) { RespectRequiredConstructorParameters = false };
}
