using ElectionPrep.Workflows;
using Marten;

namespace ElectionPrep.Http;

/// <summary>A request that may carry the version of the stream its client last read.</summary>
public interface IExpectsVersion
{
    long? ExpectedVersion { get; }
}

/// <summary>What one aggregate's loader gives a decision; a stale expected version or a missing id is the answer instead.</summary>
public interface ILoadsForWriting<TSelf> where TSelf : ILoadsForWriting<TSelf>
{
    static abstract Task<(IResult, TSelf?)> LoadAsync(
        IDocumentSession session, DecisionSources sources, string id, long? expectedVersion, CancellationToken cancellation);
}

/// <summary>
/// The middleware behind the <c>Writes…&lt;TRequest&gt;</c> attributes: Wolverine has read and validated the request
/// by then, and the route's <c>{id}</c> names the stream.
/// </summary>
#pragma warning disable CA1822 // Wolverine calls the method on an instance it makes: a generic type may not carry static members (CA1000).
public sealed class VersionedLoading<TRequest, TLoaded> where TRequest : IExpectsVersion where TLoaded : ILoadsForWriting<TLoaded>
{
    public Task<(IResult, TLoaded?)> LoadAsync(string id, TRequest request, IDocumentSession session, DecisionSources sources, CancellationToken cancellation) =>
        TLoaded.LoadAsync(session, sources, id, request.ExpectedVersion, cancellation);
}
#pragma warning restore CA1822
