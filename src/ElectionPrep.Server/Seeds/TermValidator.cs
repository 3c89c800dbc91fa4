using ElectionPrep.Common;
using ElectionPrep.Terms;
using FluentValidation;

namespace ElectionPrep.Seeds;

/// <summary>Checks a term seed before the server trusts it: every rule cites a basis and the numbers hang together.</summary>
public sealed class TermValidator : AbstractValidator<Term>
{
    private const string NamesAFile = "the id of a workflow (workflows/<id>.v<version>.json) or rule set (seeds/rules) is required";
    private const string CountsFromOne = "a version counts from 1";

    public TermValidator()
    {
        RuleFor(term => term.Id).NotEmpty();
        RuleFor(term => term.Name).SetValidator(new BilingualTextValidator());
        RuleFor(term => term.ElectionDayBasis).SetValidator(new LegalBasisValidator());
        RuleFor(term => term.TimeZone)
            .Must(zone => TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            .WithMessage("'{PropertyValue}' is not a time zone this machine knows (e.g. Asia/Ho_Chi_Minh)");
        RuleFor(term => term.Calendar).NotEmpty()
            .Must(steps => steps.Select(step => step.Id).Distinct().Count() == steps.Count)
            .WithMessage("step ids must be unique");
        RuleForEach(term => term.Calendar).ChildRules(step =>
        {
            step.RuleFor(s => s.Id).NotEmpty().Matches("^[a-z0-9-]+$").WithMessage("a step id is kebab-case, e.g. first-consultation");
            step.RuleFor(s => s.Title).SetValidator(new BilingualTextValidator());
            step.RuleFor(s => s.DaysBeforeElection).GreaterThanOrEqualTo(0);
            step.RuleFor(s => s.OpensDaysBeforeElection).GreaterThan(s => s.DaysBeforeElection)
                .When(s => s.OpensDaysBeforeElection is not null)
                .WithMessage("a window opens before it closes: more days before election day than its deadline");
            step.RuleFor(s => s.AppliesTo).NotEmpty();
            step.RuleFor(s => s.Basis).NotEmpty().WithMessage("every step cites its legal basis");
            step.RuleForEach(s => s.Basis).SetValidator(new LegalBasisValidator());
            step.RuleFor(s => s.Note).NotEmpty().When(s => !s.Confirmed)
                .WithMessage("an unconfirmed step says in a note what is not verified");
        });
        RuleFor(term => term.Holidays)
            .Must(holidays => holidays!.Select(holiday => holiday.Id).Distinct().Count() == holidays!.Count)
            .When(term => term.Holidays is not null)
            .WithMessage("holiday ids must be unique");
        RuleForEach(term => term.Holidays).ChildRules(holiday =>
        {
            holiday.RuleFor(h => h.Id).NotEmpty().Matches("^[a-z0-9-]+$").WithMessage("a holiday id is kebab-case, e.g. tet-binh-ngo");
            holiday.RuleFor(h => h.Name).SetValidator(new BilingualTextValidator());
            holiday.RuleFor(h => h.To).GreaterThanOrEqualTo(h => h.From).WithMessage("a holiday ends no earlier than it starts");
            holiday.RuleFor(h => h.Basis).NotEmpty().WithMessage("every holiday cites its legal basis");
            holiday.RuleForEach(h => h.Basis).SetValidator(new LegalBasisValidator());
            holiday.RuleFor(h => h.Note).NotEmpty().When(h => !h.Confirmed)
                .WithMessage("an unconfirmed holiday says in a note what is not verified");
        });
        RuleFor(term => term.Councils).NotEmpty().WithMessage("a term elects at least one council")
            .Must(councils => councils.Select(entry => entry.Council).Distinct().Count() == councils.Count)
            .WithMessage("each council kind is listed once");
        RuleForEach(term => term.Councils).ChildRules(council =>
        {
            council.RuleFor(c => c.Workflow.Id).NotEmpty().OverridePropertyName("workflow.id").WithMessage(NamesAFile);
            council.RuleFor(c => c.Workflow.Version).GreaterThan(0).OverridePropertyName("workflow.version").WithMessage(CountsFromOne);
            council.RuleFor(c => c.RuleSet.Id).NotEmpty().OverridePropertyName("ruleSet.id").WithMessage(NamesAFile);
            council.RuleFor(c => c.RuleSet.Version).GreaterThan(0).OverridePropertyName("ruleSet.version").WithMessage(CountsFromOne);
        });
        RuleFor(term => term)
            .Must(term => term.Calendar.All(step => step.AppliesTo.All(term.Elects)))
            .OverridePropertyName(nameof(Term.Calendar))
            .WithMessage(term => $"a calendar step applies to a council the term does not elect: {string.Join(", ",
                term.Calendar.Where(step => !step.AppliesTo.All(term.Elects)).Select(step => step.Id))}");
        RuleFor(term => term.CouncilsBasis).NotEmpty().WithMessage("the term cites the law that says which councils it elects");
        RuleForEach(term => term.CouncilsBasis).SetValidator(new LegalBasisValidator());
        RuleFor(term => term.Instruments).NotEmpty().WithMessage("a term lists the instruments that govern it");
        RuleForEach(term => term.Instruments).ChildRules(instrument =>
        {
            instrument.RuleFor(i => i.Number).NotEmpty();
            instrument.RuleFor(i => i.Title).SetValidator(new BilingualTextValidator());
        });
        RuleFor(term => term.Rules).SetValidator((term, _) => new RuleParametersValidator([.. term.Councils.Select(entry => entry.Council)]));
    }
}

/// <summary>The rule parameters of a term: every council it elects has its seat limit and list sizes.</summary>
public sealed class RuleParametersValidator : AbstractValidator<RuleParameters>
{
    public RuleParametersValidator(IReadOnlyList<CouncilKind> elected)
    {
        RuleFor(rules => rules.ConsultationQuorum).SetValidator(new ShareRuleValidator());
        RuleFor(rules => rules.ConsultationMajority).SetValidator(new ShareRuleValidator());
        RuleFor(rules => rules.DistrustExclusion).SetValidator(new ShareRuleValidator());
        RuleFor(rules => rules.WorkplaceVoterConferenceQuorum).SetValidator(new VoterConferenceQuorumValidator());
        RuleFor(rules => rules.ResidenceVoterConferenceQuorum).SetValidator(new VoterConferenceQuorumValidator());
        RuleFor(rules => rules.CandidateMinimumAge.Years).GreaterThan(0);
        RuleFor(rules => rules.CandidateMinimumAge.Source).SetValidator(new RuleBasisValidator());
        RuleFor(rules => rules.YoungCandidateAge.Years).GreaterThan(0);
        RuleFor(rules => rules.YoungCandidateAge.Source).SetValidator(new RuleBasisValidator());

        RuleFor(rules => rules.MaxSeatsPerConstituency)
            .Must(limits => elected.All(kind => limits.Count(limit => limit.AppliesTo.Contains(kind)) == 1))
            .WithMessage("every council kind the term elects needs exactly one seat limit");
        RuleForEach(rules => rules.MaxSeatsPerConstituency).ChildRules(limit =>
        {
            limit.RuleFor(l => l.MaxSeats).GreaterThan(0);
            limit.RuleFor(l => l.Source).SetValidator(new RuleBasisValidator());
        });

        RuleFor(rules => rules)
            .Must(rules => CoverEverySeatCountOnce(rules, elected))
            .OverridePropertyName(nameof(RuleParameters.CandidatesBeyondSeats))
            .WithMessage("for every council kind the term elects the seat ranges must cover 1 to its seat limit exactly once");
        RuleForEach(rules => rules.CandidatesBeyondSeats).ChildRules(size =>
        {
            size.RuleFor(s => s.FromSeats).GreaterThan(0);
            size.RuleFor(s => s.ToSeats).GreaterThanOrEqualTo(s => s.FromSeats);
            size.RuleFor(s => s.ExtraCandidates).GreaterThan(0);
            size.RuleFor(s => s.Source).SetValidator(new RuleBasisValidator());
        });

        RuleFor(rules => rules.Eligibility)
            .Must(found => Candidates.Eligibility.RuleIds.All(id => found.Count(rule => rule.Id == id) == 1))
            .WithMessage($"the eligibility rules must each appear once: {string.Join(", ", Candidates.Eligibility.RuleIds)}");
        RuleForEach(rules => rules.Eligibility).ChildRules(rule =>
        {
            rule.RuleFor(r => r.Title).SetValidator(new BilingualTextValidator());
            rule.RuleFor(r => r.AppliesTo).NotEmpty();
            rule.RuleFor(r => r.Source).SetValidator(new RuleBasisValidator());
        });
        RuleFor(rules => rules.MultipleCandidacy.MaxPeoplesCouncilLevels).InclusiveBetween(1, 3);
        RuleFor(rules => rules.MultipleCandidacy.MaxPeoplesCouncilLevelsWithNationalAssembly).InclusiveBetween(0, 3);
        RuleFor(rules => rules.MultipleCandidacy.Source).SetValidator(new RuleBasisValidator());
        RuleFor(rules => rules.DeadlinesOnHolidays!.Source).SetValidator(new RuleBasisValidator()).When(rules => rules.DeadlinesOnHolidays is not null);

        RuleFor(rules => rules.RequiredVoterConferences).NotEmpty().WithMessage("the voter conferences round 3 waits for are required")
            .Must(required => required.Select(conference => (conference.Kind, conference.HeldFor)).Distinct().Count() == required.Count)
            .WithMessage("each voter conference is required once for a group of candidates");
        RuleForEach(rules => rules.RequiredVoterConferences).ChildRules(required => required.RuleFor(r => r.Source).SetValidator(new RuleBasisValidator()));
        RuleFor(rules => rules.ConsultationConferenceBodies.Bodies).NotEmpty()
            .Must(bodies => bodies.Any(body => body.Participation == ConsultationConferences.Participation.Participant))
            .WithMessage("a consultation conference convenes at least one body");
        RuleForEach(rules => rules.ConsultationConferenceBodies.Bodies).ChildRules(body => body.RuleFor(b => b.Name).NotEmpty());
        RuleFor(rules => rules.ConsultationConferenceBodies.Source).SetValidator(new RuleBasisValidator());
    }

    private static bool CoverEverySeatCountOnce(RuleParameters rules, IReadOnlyList<CouncilKind> elected) =>
        elected.All(kind =>
        {
            var limit = rules.MaxSeatsPerConstituency.FirstOrDefault(l => l.AppliesTo.Contains(kind))?.MaxSeats ?? 0;
            var covering = rules.CandidatesBeyondSeats.Where(size => size.AppliesTo.Contains(kind)).ToList();
            return Enumerable.Range(1, limit).All(seats => covering.Count(size => size.FromSeats <= seats && seats <= size.ToSeats) == 1);
        });
}

public sealed class ShareRuleValidator : AbstractValidator<ShareRule>
{
    public ShareRuleValidator()
    {
        RuleFor(rule => rule.Share.Denominator).GreaterThan(0).OverridePropertyName("share");
        RuleFor(rule => rule.Source).SetValidator(new RuleBasisValidator());
    }
}

public sealed class VoterConferenceQuorumValidator : AbstractValidator<VoterConferenceQuorum>
{
    public VoterConferenceQuorumValidator()
    {
        RuleFor(quorum => quorum.LargeConferenceFrom).GreaterThan(0);
        RuleFor(quorum => quorum.LargeConferenceMinimumPresent).GreaterThan(0);
        RuleFor(quorum => quorum.SmallConferencePresent).SetValidator(new ShareRuleValidator());
        RuleFor(quorum => quorum.Source).SetValidator(new RuleBasisValidator());
    }
}

public sealed class RuleBasisValidator : AbstractValidator<RuleBasis>
{
    public RuleBasisValidator()
    {
        RuleFor(source => source.Basis).NotEmpty().WithMessage("every rule cites its legal basis");
        RuleForEach(source => source.Basis).SetValidator(new LegalBasisValidator());
        RuleFor(source => source.Note).NotEmpty().When(source => !source.Confirmed)
            .WithMessage("an unconfirmed (OPEN) figure says in a note why this default was chosen");
    }
}

public sealed class LegalBasisValidator : AbstractValidator<LegalBasis>
{
    public LegalBasisValidator() => RuleFor(basis => basis.Instrument).NotEmpty();
}

public sealed class BilingualTextValidator : AbstractValidator<BilingualText>
{
    public BilingualTextValidator()
    {
        RuleFor(text => text.Vi).NotEmpty();
        RuleFor(text => text.En).NotEmpty();
    }
}
