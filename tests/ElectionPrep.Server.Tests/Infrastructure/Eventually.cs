using Alba;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Persistence.Durability;

namespace ElectionPrep.Infrastructure;

/// <summary>Waiting for what happens in the background (timers, the async daemon), with a bound.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(100);
        }
    }

    /// <summary>Until every stored timer whose time has come (by the wall clock) has been handled.</summary>
    public static async Task TimersFired(IAlbaHost host, TimeSpan? timeout = null)
    {
        var store = host.Services.GetRequiredService<IMessageStore>();
        var pending = await Until(
            async () => (await store.Admin.AllIncomingAsync())
                .Count(envelope => envelope.Status != EnvelopeStatus.Handled && (envelope.ScheduledTime ?? DateTimeOffset.MinValue) <= DateTimeOffset.UtcNow),
            count => count == 0,
            timeout);
        Assert.Equal(0, pending);
    }
}
