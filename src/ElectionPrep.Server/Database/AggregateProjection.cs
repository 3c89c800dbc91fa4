using ElectionPrep.Common;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace ElectionPrep.Database;

/// <summary>
/// Keeps an aggregate current inline through the domain's Evolve, taking only the events that are the aggregate's own
/// (<see cref="IEventOf{TAggregate}"/>). Without the list Marten offers every stream a session writes to every inline
/// projection, and each one loads its documents for streams it has nothing to do with: a round trip per projection
/// per command.
/// </summary>
public abstract class AggregateProjection<TAggregate> : SingleStreamProjection<TAggregate, string>
    where TAggregate : class
{
    private readonly Func<TAggregate?, object, TAggregate?> evolve;

    protected AggregateProjection(Func<TAggregate?, object, TAggregate?> evolve)
    {
        this.evolve = evolve;
        foreach (var type in AggregateEvents.Of(typeof(TAggregate))) IncludeType(type);
    }

    public sealed override TAggregate? Evolve(TAggregate? snapshot, string id, IEvent e) => evolve(snapshot, e.Data);
}

public static class AggregateEvents
{
    /// <summary>The events declared to be <paramref name="aggregate"/>'s, from the domain's markers.</summary>
    public static IReadOnlyList<Type> Of(Type aggregate)
    {
        var marker = typeof(IEventOf<>).MakeGenericType(aggregate);
        return [.. aggregate.Assembly.GetTypes().Where(type => type is { IsAbstract: false, IsInterface: false } && type.IsAssignableTo(marker))];
    }
}
