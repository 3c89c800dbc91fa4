namespace ElectionPrep.Common;

/// <summary>
/// Văn bản nhiều dòng: text a person writes across lines (notes, summaries, findings, motions), in which tab and line
/// breaks are kept. Every other text is one line: a control character in it is refused.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MultiLineAttribute : Attribute;
