namespace ElectionPrep.Common;

/// <summary>
/// Lý do từ chối: why a command was refused, with a stable code for machines and text for people. Where it helps
/// the person fix it, the refusal names the current state, the gate that failed, what is allowed now, and the fields
/// of the command it concerns, each with its own sentence.
/// </summary>
public sealed record Refusal(
    string Code,
    BilingualText Detail,
    string? CurrentState = null,
    string? FailedGate = null,
    IReadOnlyList<string>? AllowedNow = null,
    IReadOnlyList<RefusedItem>? Items = null,
    IReadOnlyList<FieldFlaw>? Fields = null);

/// <summary>One field of a command or request (its property name) and what is wrong with it, in both languages.</summary>
public sealed record FieldFlaw(string Field, BilingualText Problem);

/// <summary>One item of a batch that its own decision refused: its place in the batch (from 1), what a person calls it, and why.</summary>
public sealed record RefusedItem(int Position, string Label, Refusal Refusal);

/// <summary>
/// Quyết định: the outcome of deciding a command on a state: either the events to record or one refusal.
/// Expected refusals are returned, never thrown, so the caller maps them to a response without try/catch.
/// </summary>
public sealed record Decision
{
    private Decision(IReadOnlyList<object> events, Refusal? refusal)
    {
        Events = events;
        Refusal = refusal;
    }

    public IReadOnlyList<object> Events { get; }

    public Refusal? Refusal { get; }

    public bool IsRefused => Refusal is not null;

    public static Decision Accept(params object[] events) => new(events, null);

    public static Decision Accept(IEnumerable<object> events) => new(events.ToList(), null);

    public static Decision Refuse(string code, string vi, string en) => new([], new Refusal(code, new BilingualText(vi, en)));

    public static Decision Refuse(Refusal refusal) => new([], refusal);
}
