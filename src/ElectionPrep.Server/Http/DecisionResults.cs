using ElectionPrep.Common;
using JasperFx.Events;

namespace ElectionPrep.Http;

/// <summary>
/// How a decision reaches one stream: a refusal is a 409 with its reason and appends nothing; accepted events are
/// appended and the answer shows the state they lead to. A dry run answers the same and appends nothing.
/// </summary>
public static class DecisionResults
{
    public static IResult Apply<T>(this IEventStream<T> stream, Decision decision, T? state, Func<T?, object, T?> evolve, Func<T, object> view, bool dryRun = false)
        where T : class
    {
        if (decision.Refusal is { } refusal) return Problems.Refused(refusal);

        if (!dryRun) stream.AppendMany(decision.Events);
        return Results.Ok(view(decision.Events.Aggregate(state, evolve)!));
    }
}
