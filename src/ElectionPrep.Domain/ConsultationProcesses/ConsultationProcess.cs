using ElectionPrep.Terms;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Giai đoạn của quy trình hiệp thương.</summary>
public enum ConsultationProcessStage
{
    /// <summary>Đã mở: opened, consultation steps not yet begun.</summary>
    Opened,
}

/// <summary>
/// Quy trình hiệp thương: the consultation process the Fatherland Front runs for one council in one
/// jurisdiction for one term. One per (term, council kind, jurisdiction): its id is derived from that key.
/// </summary>
public sealed record ConsultationProcess(
    string Id,
    string TermId,
    CouncilKind Council,
    string JurisdictionCode,
    ConsultationProcessStage Stage,
    DateTimeOffset OpenedAt)
{
    public static ConsultationProcess? Evolve(ConsultationProcess? state, object @event) => @event switch
    {
        ConsultationProcessOpened opened => new ConsultationProcess(
            opened.ConsultationProcessId,
            opened.TermId,
            opened.Council,
            opened.JurisdictionCode,
            ConsultationProcessStage.Opened,
            opened.OpenedAt),
        _ => state,
    };
}

/// <summary>Mã quy trình: the stream id of a consultation process, derived from its natural key.</summary>
public static class ConsultationProcessId
{
    /// <summary>
    /// e.g. "2021-2026.commune-council.01834". Deriving the id makes a second opening collide on the stream
    /// instead of creating a twin, even when two requests race.
    /// </summary>
    public static string For(string termId, CouncilKind council, string jurisdictionCode) =>
        $"{termId}.{council.Slug()}.{jurisdictionCode}";
}
