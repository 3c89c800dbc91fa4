using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Terms;

namespace ElectionPrep.Workflows;

/// <summary>
/// What every decision under a consultation process is given besides its own stream: the process, the definition it
/// is pinned to, the term it belongs to (with its rules) and the moment of the request. Each area's <c>…ForWriting</c>
/// extends it with its stream and state.
/// </summary>
public record DecisionContext(ConsultationProcess Process, WorkflowDefinition Definition, Term Term, DateTimeOffset Now);
