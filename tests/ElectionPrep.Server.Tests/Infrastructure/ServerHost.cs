using Alba;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace ElectionPrep.Infrastructure;

/// <summary>Starts the real server in-process (Alba) with the given settings and a controlled clock.</summary>
public static class ServerHost
{
    // The test host finds the application's host by listening for it to be built, process-wide: two hosts built at
    // once (parallel test collections) can be mixed up, so they are built one at a time.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<IAlbaHost> StartAsync(IReadOnlyDictionary<string, string> settings, TimeProvider clock)
    {
        await OneAtATime.WaitAsync();
        try
        {
            var host = await Build(settings, clock);
            // A server that refuses to start (a held data folder, a broken seed) returns from Main; say so here rather
            // than let the first request fail with the test server's "not started".
            if (!host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested)
            {
                await host.DisposeAsync();
                throw new InvalidOperationException("The server did not start; its refusal is in the test output.");
            }

            return host;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static Task<IAlbaHost> Build(IReadOnlyDictionary<string, string> settings, TimeProvider clock)
    {
        // Let the JasperFx command line hand the host to Alba instead of running it.
        JasperFxEnvironment.AutoStartHost = true;
        return AlbaHost.For<Program>(builder =>
        {
            foreach (var (key, value) in TestUsers.Settings.Concat(settings)) builder.UseSetting(key, value);
            // Timers fire within a second of their time instead of the production polling interval.
            builder.UseSetting("Wolverine:Durability:ScheduledJobPollingTime", "00:00:00.2");
            builder.ConfigureServices(services =>
            {
                services.AddSingleton(clock);
                services.RunWolverineInSoloMode();
                services.DisableAllExternalWolverineTransports();
            });
        });
    }
}
