namespace ElectionPrep.Common;

/// <summary>Căn cứ pháp lý: the instrument and article a rule, deadline or decision rests on.</summary>
/// <param name="Instrument">Number and short name, e.g. "Luật 85/2015/QH13".</param>
/// <param name="Article">Article and clause, e.g. "Điều 35 khoản 1"; empty when the whole instrument applies.</param>
public sealed record LegalBasis(string Instrument, string? Article = null)
{
    public override string ToString() => string.IsNullOrEmpty(Article) ? Instrument : $"{Instrument}, {Article}";
}
