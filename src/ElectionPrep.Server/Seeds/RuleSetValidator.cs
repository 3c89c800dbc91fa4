using ElectionPrep.Quotas;
using ElectionPrep.Terms;
using FluentValidation;

namespace ElectionPrep.Seeds;

/// <summary>
/// Checks a quota rule set (seeds/rules): known attributes, bounds that fit the measure, a base that fits the set
/// counted, the national list only for the National Assembly, every rule cited.
/// </summary>
public sealed class RuleSetValidator : AbstractValidator<RuleSet>
{
    /// <summary>Unit parameters a rule may take its bound from (seeds/units).</summary>
    public static readonly IReadOnlyCollection<string> UnitParameters = ["ethnicMinorityShare"];

    public RuleSetValidator()
    {
        RuleFor(set => set.Id).NotEmpty().Matches("^[a-z0-9-]+$");
        RuleFor(set => set.Version).GreaterThan(0);
        RuleFor(set => set.Rules).NotEmpty()
            .Must(rules => rules.Select(rule => rule.Id).Distinct().Count() == rules.Count).WithMessage("rule ids must be unique");
        RuleForEach(set => set.Rules).ChildRules(rule =>
        {
            rule.RuleFor(r => r.Id).NotEmpty();
            rule.RuleFor(r => r.Title).SetValidator(new BilingualTextValidator());
            rule.RuleFor(r => r.Attribute).Must(attribute => CandidateAttributes.Known.Contains(attribute))
                .WithMessage($"'{{PropertyValue}}' is not an attribute the domain derives ({string.Join(", ", CandidateAttributes.Known)})");
            rule.RuleFor(r => r.Source).SetValidator(new RuleBasisValidator());
            rule.RuleFor(r => r).Must(r => r.AtLeastShare is not null || r.AtMostShare is not null || r.AtLeastFromUnit is not null)
                .When(r => r.Measure == MeasureKind.Share).OverridePropertyName("atLeastShare")
                .WithMessage("a share rule needs atLeastShare, atMostShare or atLeastFromUnit");
            rule.RuleFor(r => r).Must(r => r.AtLeastCount is not null || r.AtMostCount is not null)
                .When(r => r.Measure == MeasureKind.Count).OverridePropertyName("atLeastCount")
                .WithMessage("a count rule needs atLeastCount or atMostCount");
            rule.RuleFor(r => r).Must(r => r.AtLeastCount is null && r.AtMostCount is null)
                .When(r => r.Measure == MeasureKind.Share).OverridePropertyName("atLeastCount")
                .WithMessage("a share rule takes share bounds, not counts");
            rule.RuleFor(r => r.Base).Must((r, @base) => (@base == QuotaBase.Elected) == (r.Population == Population.Elected) || @base == QuotaBase.Seats)
                .WithMessage(r => $"base {r.Base} does not fit population {r.Population}: those elected are counted on the elected or the seats, a list on its candidates or the seats");
            rule.RuleFor(r => r.AtLeastFromUnit).Must(parameter => UnitParameters.Contains(parameter!)).When(r => r.AtLeastFromUnit is not null)
                .WithMessage($"'{{PropertyValue}}' is not a unit parameter ({string.Join(", ", UnitParameters)})");
        });
        RuleForEach(set => set.Rules)
            .Must((set, rule) => rule.Scope != QuotaScope.NationalList || set.Council is CouncilKind.NationalAssemblyCentral or CouncilKind.NationalAssemblyProvincial)
            .WithMessage((set, rule) => $"rule {rule.Id}: only the National Assembly has a national list; a {set.Council} rule is on its own list (scope Whole)");
    }
}
