namespace ElectionPrep.Common;

/// <summary>Văn bản song ngữ: text a person reads, Vietnamese first, English second.</summary>
public sealed record BilingualText(string Vi, string En)
{
    public override string ToString() => $"{Vi} ({En})";
}
