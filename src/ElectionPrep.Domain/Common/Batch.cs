namespace ElectionPrep.Common;

/// <summary>
/// Quyết định theo lô: many items decided as one. Each item is decided as its own command would be, on the state the
/// items before it leave, so what one item changes the next one sees. One refused item refuses the whole batch, and
/// the refusal names every refused item (<see cref="Refusal.Items"/>).
/// </summary>
public static class Batch
{
    /// <param name="decide">The item's own decision on the state so far.</param>
    /// <param name="evolve">The state once an accepted item's events are recorded.</param>
    /// <param name="label">What a person calls the item, on the state it was decided on.</param>
    /// <param name="refuse">The batch's refusal, given every refused item.</param>
    public static Decision Decide<TItem, TState>(
        IEnumerable<TItem> items, TState state, Func<TItem, TState, Decision> decide, Func<TState, TItem, IReadOnlyList<object>, TState> evolve,
        Func<TItem, TState, string> label, Func<IReadOnlyList<RefusedItem>, Refusal> refuse)
    {
        var events = new List<object>();
        var refused = new List<RefusedItem>();
        foreach (var (item, position) in items.Select((item, index) => (item, index + 1)))
        {
            var decision = decide(item, state);
            if (decision.Refusal is { } refusal)
            {
                refused.Add(new RefusedItem(position, label(item, state), refusal));
                continue;
            }

            events.AddRange(decision.Events);
            state = evolve(state, item, decision.Events);
        }

        return refused.Count == 0 ? Decision.Accept(events) : Decision.Refuse(refuse(refused));
    }

    /// <summary>The refused items' places as a person reads them: "2, 5".</summary>
    public static string Positions(IEnumerable<RefusedItem> refused) => string.Join(", ", refused.Select(item => item.Position));
}
