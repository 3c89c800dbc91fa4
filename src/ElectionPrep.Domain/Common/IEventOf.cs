namespace ElectionPrep.Common;

/// <summary>
/// An event of <typeparamref name="TAggregate"/>'s stream. The event store folds into the aggregate only the events
/// that say so, and leaves the aggregate's stored state alone when a decision writes to other streams.
/// </summary>
#pragma warning disable CA1040 // A marker read by reflection: which events an aggregate's projection takes.
public interface IEventOf<TAggregate>;
#pragma warning restore CA1040
