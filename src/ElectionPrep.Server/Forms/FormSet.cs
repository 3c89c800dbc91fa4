using ElectionPrep.Common;
using ElectionPrep.Database;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using FluentValidation;

namespace ElectionPrep.Forms;

/// <summary>Biểu mẫu: the official forms the server prints.</summary>
public enum FormKind
{
    /// <summary>Biên bản hội nghị hiệp thương.</summary>
    ConsultationMinutes,

    /// <summary>Danh sách sơ bộ những người ứng cử.</summary>
    PreliminaryList,

    /// <summary>Danh sách chính thức những người ứng cử.</summary>
    OfficialList,

    /// <summary>Biên bản hội nghị cử tri.</summary>
    VoterConferenceMinutes,
}

/// <summary>Quốc hiệu and tiêu ngữ, printed at the top right of every form.</summary>
public sealed record NationalHeading(string Nation, string Motto, RuleBasis Source);

/// <summary>
/// Cơ quan ban hành: the lines printed at the top left, and the capacity the signer signs in ("TM. BAN THƯỜNG TRỰC"). An
/// issuer with <paramref name="Cases"/> applies to those council kinds or voter-conference kinds; the one without is the default.
/// </summary>
public sealed record FormIssuer(IReadOnlyList<string> Lines, string SignsFor, IReadOnlyList<string>? Cases = null);

/// <summary>
/// One form's template: its title and subtitle with placeholders ({round}, {council}, {unit}, {place}, {workplace},
/// {residence}) filled from the record printed, its issuers and the instrument that sets it.
/// </summary>
public sealed record FormTemplate(FormKind Form, string Title, string? Subtitle, IReadOnlyList<FormIssuer> Issuers, RuleBasis Source)
{
    public FormIssuer IssuerFor(IEnumerable<string> cases) =>
        Issuers.FirstOrDefault(issuer => issuer.Cases?.Intersect(cases).Any() == true) ?? Issuers.Single(issuer => issuer.Cases is null);
}

/// <summary>
/// Bộ mẫu văn bản bầu cử (seeds/forms): the forms the election council and the Front set for the terms whose election
/// day falls on or after <paramref name="AppliesFrom"/>, until a later set applies. <paramref name="Councils"/> names each
/// council kind as a form's title does ("HỘI ĐỒNG NHÂN DÂN {unit}").
/// </summary>
public sealed record FormSet(
    string Id,
    BilingualText Name,
    DateOnly AppliesFrom,
    RuleBasis Source,
    NationalHeading Heading,
    IReadOnlyDictionary<CouncilKind, string> Councils,
    IReadOnlyList<FormTemplate> Forms)
{
    public FormTemplate Template(FormKind form) => Forms.Single(template => template.Form == form);
}

public sealed class FormSetValidator : AbstractValidator<FormSet>
{
    public FormSetValidator()
    {
        RuleFor(set => set.Id).NotEmpty();
        RuleFor(set => set.Name).SetValidator(new BilingualTextValidator());
        RuleFor(set => set.Source).SetValidator(new RuleBasisValidator());
        RuleFor(set => set.Heading.Nation).NotEmpty();
        RuleFor(set => set.Heading.Motto).NotEmpty();
        RuleFor(set => set.Heading.Source).SetValidator(new RuleBasisValidator());
        RuleFor(set => set.Councils).Must(councils => Enum.GetValues<CouncilKind>().All(councils.ContainsKey))
            .WithMessage("every council kind needs its name as a form's title prints it");
        RuleFor(set => set.Forms).Must(forms => Enum.GetValues<FormKind>().All(kind => forms.Count(form => form.Form == kind) == 1))
            .WithMessage("every form kind needs exactly one template");
        RuleForEach(set => set.Forms).ChildRules(form =>
        {
            form.RuleFor(f => f.Title).NotEmpty();
            form.RuleFor(f => f.Source).SetValidator(new RuleBasisValidator());
            form.RuleFor(f => f.Issuers).Must(issuers => issuers.Count(issuer => issuer.Cases is null) == 1)
                .WithMessage("exactly one issuer without cases: the default");
            form.RuleForEach(f => f.Issuers).ChildRules(issuer =>
            {
                issuer.RuleFor(i => i.Lines).NotEmpty();
                issuer.RuleFor(i => i.SignsFor).NotEmpty();
            });
        });
    }
}

/// <summary>Every form set in seeds/forms, and the one a term prints with.</summary>
public sealed class FormCatalog(IReadOnlyList<FormSet> sets)
{
    public IReadOnlyList<FormSet> Sets { get; } = sets;

    /// <summary>The latest set that applies on the term's election day; every term has one (checked at start-up).</summary>
    public FormSet For(Term term) => Sets.Where(set => set.AppliesFrom <= term.ElectionDay).MaxBy(set => set.AppliesFrom)!;

    public static FormCatalog Load(string seedRoot, SeedCatalog seeds)
    {
        var folder = Path.Combine(seedRoot, "forms");
        var validator = new FormSetValidator();
        var sets = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Order().Select(file => SeedFile.Read(file, validator)).ToList() : [];
        foreach (var term in seeds.Terms.Where(term => sets.All(set => set.AppliesFrom > term.ElectionDay)))
        {
            throw new StartupRefusedException($"No form set in {folder} applies to the term {term.Id} (election day {term.ElectionDay:yyyy-MM-dd}); start-up stopped.");
        }

        return new FormCatalog(sets);
    }
}
