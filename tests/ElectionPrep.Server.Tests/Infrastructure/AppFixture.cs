using Alba;
using Marten;
using Wolverine.Persistence.Durability;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionPrep.Infrastructure;

/// <summary>One server per test collection, on its own database in the shared throwaway cluster.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    /// <summary>Before the first reminder of the 2021 calendar (E−105 less 7 days), so no timer fires unless a test moves the clock.</summary>
    public static readonly DateTimeOffset Start = new(2021, 1, 20, 8, 0, 0, TimeSpan.FromHours(7));

    public TestClock Clock { get; } = new(Start);

    public IAlbaHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabase.CreateDatabaseAsync("app");
        // Every test signs in from the one test client's address, some with wrong passwords on purpose; the throttle itself
        // is tested on hosts of its own.
        Host = await ServerHost.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:ElectionPrep"] = connectionString,
            ["Accounts:SignInFailuresPerAccount"] = "10000",
            ["Accounts:SignInFailuresPerAddress"] = "10000",
        }, Clock);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(nameof(ServerScenarios))]
public sealed class ServerScenarios : ICollectionFixture<AppFixture>;

/// <summary>Base of scenarios on the shared server: data reset and the clock put back before each test.</summary>
[Collection(nameof(ServerScenarios))]
public abstract class IntegrationContext(AppFixture fixture) : IAsyncLifetime
{
    protected IAlbaHost Host => fixture.Host;

    protected TestClock Clock => fixture.Clock;

    protected IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        Clock.Now = AppFixture.Start;
        // Timers scheduled by an earlier test must not fire into this one.
        await Host.Services.GetRequiredService<IMessageStore>().Admin.ClearAllAsync();
        // A handler of the previous test may still be finishing; resetting under it can deadlock once.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Host.ResetAllMartenDataAsync();
                return;
            }
            catch (Npgsql.PostgresException deadlock) when (deadlock.SqlState == Npgsql.PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
                await Task.Delay(100);
            }
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
