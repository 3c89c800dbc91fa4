using System.Globalization;
using ElectionPrep.Terms;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using JasperFx.Events;
using QRCoder;

namespace ElectionPrep.Forms;

/// <summary>
/// Chữ ký: the capacity signed in ("TM. BAN THƯỜNG TRỰC"), then the signer's title and full name as they stood when
/// they acted (the event's actor headers). Without them the lines are left blank to be signed and written by hand.
/// </summary>
public sealed record Signature(string SignsFor, string? Title, string? FullName)
{
    public static Signature Of(IEvent recorded, FormIssuer issuer) =>
        new(issuer.SignsFor, Header(recorded, ActorHeaders.Title), Header(recorded, ActorHeaders.FullName));

    private static string? Header(IEvent e, string name) => e.Headers?.GetValueOrDefault(name)?.ToString() is { Length: > 0 } value ? value : null;
}

/// <summary>
/// The public inclusion proof of the event a form records, and the QR code that carries its address onto paper: inline SVG,
/// since the pages' content security policy admits no data: images.
/// </summary>
public sealed record PublicProof(string Url, string QrCodeSvg)
{
    public static PublicProof For(HttpRequest request, long sequence)
    {
        // The proof page says in words what was checked; the JSON proofs are linked from it.
        var url = $"{request.Scheme}://{request.Host}{Routes.For(Routes.AuditProofPage, sequence.ToString(CultureInfo.InvariantCulture))}";
        return new PublicProof(url, QrCode(url));
    }

    /// <summary>The SVG of the QR code encoding <paramref name="url"/> (error correction M), scaled by its view box.</summary>
    public static string QrCode(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}

/// <summary>
/// What a printed form shows around its body, in the layout of the election forms: Quốc hiệu and tiêu ngữ at the top right,
/// the issuing body at the top left, the number and the place and date, the title, the signature block and the QR code of
/// the public proof. The texts come from the term's <see cref="FormSet"/>.
/// </summary>
public sealed record OfficialForm(
    NationalHeading Heading,
    IReadOnlyList<string> Issuer,
    string? Number,
    string PlaceAndDate,
    string Title,
    string? Subtitle,
    string TermName,
    RuleBasis Source,
    Signature? Signature,
    PublicProof? Proof)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// Fills the template of <paramref name="kind"/> with <paramref name="values"/> ({unit}, {round}, …; {council} from the
    /// set's council names) and picks the issuer for <paramref name="cases"/> and the council. <paramref name="recorded"/> is
    /// the event the form records: its actor signs the form and its sequence is the proof's.
    /// </summary>
    public static OfficialForm Compose(FormSet set, Term term, FormKind kind, CouncilKind council, IReadOnlyDictionary<string, string> values,
        IEnumerable<string> cases, string? number, string placeAndDate, IEvent? recorded, HttpRequest request)
    {
        var template = set.Template(kind);
        var filled = new Dictionary<string, string>(values) { ["council"] = Fill(set.Councils[council], values) };
        var issuer = template.IssuerFor([.. cases, council.ToString()]);
        return new OfficialForm(
            set.Heading,
            [.. issuer.Lines.Select(line => Fill(line, filled).ToUpper(Vietnamese))],
            number,
            placeAndDate,
            Fill(template.Title, filled).ToUpper(Vietnamese),
            template.Subtitle is null ? null : Fill(template.Subtitle, filled),
            term.Name.Vi,
            template.Source,
            recorded is null ? null : Signature.Of(recorded, issuer),
            recorded is null ? null : PublicProof.For(request, recorded.Sequence));
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(text, (filled, value) => filled.Replace("{" + value.Key + "}", value.Value, StringComparison.Ordinal));
}

/// <summary>
/// Composes a process's forms with the form set of its term: the jurisdiction is the {unit} and the place, and the date is
/// the day of <c>at</c> in the term's time zone.
/// </summary>
public sealed class FormComposer(SeedCatalog seeds, FormCatalog forms)
{
    public OfficialForm Compose(ConsultationProcess process, FormKind kind, DateTimeOffset at, string? number, IEvent? recorded, HttpRequest request,
        IReadOnlyDictionary<string, string>? values = null, params string[] cases) =>
        Compose(process, kind, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, seeds.TimeZoneOf(seeds.TermOf(process.TermId))).DateTime), null, number,
            recorded, request, values, cases);

    /// <summary>A form dated by a day, written at <paramref name="place"/> (a unit's code), or in the process's jurisdiction.</summary>
    public OfficialForm Compose(ConsultationProcess process, FormKind kind, DateOnly day, string? place, string? number, IEvent? recorded, HttpRequest request,
        IReadOnlyDictionary<string, string>? values = null, params string[] cases)
    {
        var term = seeds.TermOf(process.TermId);
        var unit = seeds.UnitNameOf(process.JurisdictionCode, process.TermId);
        var filled = new Dictionary<string, string>(values ?? new Dictionary<string, string>()) { ["unit"] = unit };
        return OfficialForm.Compose(forms.For(term), term, kind, process.Council, filled, cases, number,
            string.Create(CultureInfo.InvariantCulture, $"{(place is null ? unit : seeds.UnitNameOf(place, process.TermId))}, ngày {day:dd} tháng {day:MM} năm {day:yyyy}"), recorded, request);
    }
}
