using System.Collections.Concurrent;
using System.Globalization;
using ElectionPrep.Common;
using ElectionPrep.Http;

namespace ElectionPrep.Accounts;

/// <summary>
/// Chống dò mật khẩu: failed sign-ins are counted per account name (Accounts:SignInFailuresPerAccount) and, with a higher
/// limit, per client address (Accounts:SignInFailuresPerAddress), over a sliding window (Accounts:SignInFailureWindow).
/// Past either limit that name or address is refused until its oldest failure leaves the window. Successes do not count,
/// so a guesser hammering one account neither locks the other accounts out nor stops a busy shared office.
/// </summary>
/// <remarks>
/// Counts are kept in memory on each server node: with n nodes a guesser gets at most n times the attempts, which still
/// bounds guessing, and a restart forgets them.
/// </remarks>
public sealed class SignInThrottle(IConfiguration configuration)
{
    public const string Code = "sign-in-throttled";

    // Past this many names and addresses, those with no failure left in the window are dropped, so a spray of made-up
    // names cannot grow the table without end.
    private const int SweepAbove = 10_000;

    private readonly int perAccount = configuration.GetValue("Accounts:SignInFailuresPerAccount", 5);
    private readonly int perAddress = configuration.GetValue("Accounts:SignInFailuresPerAddress", 50);
    private readonly TimeSpan window = configuration.GetValue("Accounts:SignInFailureWindow", TimeSpan.FromMinutes(5));
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new();

    /// <summary>How long this name or address must wait before its next attempt; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string name, string address)
    {
        var now = TimeProvider.System.GetUtcNow();
        var wait = TimeSpan.FromTicks(Math.Max(Wait(NameKey(name), perAccount, now).Ticks, Wait(AddressKey(address), perAddress, now).Ticks));
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void Failed(string name, string address)
    {
        var now = TimeProvider.System.GetUtcNow();
        foreach (var key in new[] { NameKey(name), AddressKey(address) })
        {
            var times = failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (times) times.Enqueue(now);
        }

        if (failures.Count > SweepAbove) Sweep(now);
    }

    /// <summary>The client's address as the server sees it (behind a reverse proxy: the proxy's, unless forwarded headers are configured).</summary>
    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>429 problem details with Retry-After, for the API.</summary>
    public static IResult Refuse(HttpContext context, TimeSpan wait)
    {
        context.Response.Headers.RetryAfter = Seconds(wait);
        return Problems.TooManyRequests(Code, Message(wait));
    }

    /// <summary>Retry-After in whole seconds, rounded up.</summary>
    public static string Seconds(TimeSpan wait) => ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public static BilingualText Message(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return new BilingualText(
            $"Đăng nhập sai quá nhiều lần; hãy thử lại sau {minutes} phút.",
            $"Too many failed sign-ins; try again in {minutes} minute{(minutes == 1 ? "" : "s")}.");
    }

    private TimeSpan Wait(string key, int limit, DateTimeOffset now)
    {
        if (!failures.TryGetValue(key, out var times)) return TimeSpan.Zero;
        lock (times)
        {
            Forget(times, now);
            return times.Count >= limit ? times.Peek() + window - now : TimeSpan.Zero;
        }
    }

    private void Forget(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() + window <= now) times.Dequeue();
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, times) in failures)
        {
            lock (times)
            {
                Forget(times, now);
                // A failure recorded into a queue just dropped is lost: one attempt more, at worst.
                if (times.Count == 0) failures.TryRemove(key, out _);
            }
        }
    }

    private static string NameKey(string name) => "name:" + name.Trim().ToLowerInvariant();

    private static string AddressKey(string address) => "address:" + address;
}
