using ElectionPrep.Terms;

namespace ElectionPrep.ConsultationProcesses;

/// <summary>Quy trình hiệp thương đã mở: a consultation process was opened for a council in a jurisdiction.</summary>
public sealed record ConsultationProcessOpened(
    string ConsultationProcessId,
    string TermId,
    CouncilKind Council,
    string JurisdictionCode,
    string JurisdictionName,
    string OpenedBy,
    DateTimeOffset OpenedAt);
