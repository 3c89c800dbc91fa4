using ElectionPrep.Common;
using Marten;

namespace ElectionPrep.Http;

/// <summary>
/// Optimistic writes: a client sends the version it last read, and anything written since is answered at once with
/// 409 and the current version, the same for a process and a list. A change landing between this check and the
/// commit is still caught by Marten ("concurrent-change").
/// </summary>
public static class StaleVersions
{
    public const string Code = "stale-version";

    /// <summary>The refusal when <paramref name="expectedVersion"/> is given and is not the stream's version; otherwise null.</summary>
    public static async Task<IResult?> RefuseAsync(IQuerySession session, string streamId, long? expectedVersion, CancellationToken cancellation)
    {
        if (expectedVersion is not { } expected) return null;
        var current = (await session.Events.FetchStreamStateAsync(streamId, cancellation))?.Version ?? 0;
        if (expected == current) return null;

        return Problems.Refused(new Refusal(Code, new BilingualText(
                $"Đã có người khác thay đổi (phiên bản hiện tại {current}, bạn gửi {expected}); hãy tải lại.",
                $"Someone else changed this (current version {current}, you sent {expected}); reload it.")),
            new Dictionary<string, object?> { ["currentVersion"] = current });
    }
}
