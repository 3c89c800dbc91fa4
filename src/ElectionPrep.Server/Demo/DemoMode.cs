using System.Globalization;
using System.Text;
using ElectionPrep.Accounts;
using ElectionPrep.ConsultationProcesses;
using ElectionPrep.Database;
using ElectionPrep.Http;
using ElectionPrep.Seeds;
using ElectionPrep.Terms;
using Marten;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElectionPrep.Demo;

/// <summary>
/// Chế độ trình diễn (`-- demo`): the usual server, on its own data folder, with a clock set inside the 2021 calendar
/// and a province seeded through the API on first start, so a newcomer can sign in and click through at once.
/// </summary>
public static class DemoMode
{
    public const string Command = "demo";

    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // Never the real data folder: the demo's accounts have printed passwords.
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(DatabaseConnection.ConnectionStringName))
            && string.IsNullOrEmpty(configuration["EmbeddedDatabase:DataDirectory"]))
        {
            configuration["EmbeddedDatabase:DataDirectory"] = EmbeddedPostgresCluster.DefaultRoot() + "-demo";
        }

        var services = builder.Services;
        services.AddSingleton(provider => DemoSeedValidator.Load(provider.GetRequiredService<IConfiguration>()["Seeds:Path"] ?? SeedCatalog.DefaultPath));
        services.AddSingleton(provider =>
            new DemoClock(provider.GetRequiredService<IConfiguration>().GetValue<DateTimeOffset?>("Demo:Start") ?? provider.GetRequiredService<DemoSeed>().Start));
        // Registered before the host's own wiring, which then keeps it instead of the system clock.
        services.AddSingleton<TimeProvider>(provider => provider.GetRequiredService<DemoClock>());
        services.AddHostedService<DemoSeeding>();
        return builder;
    }
}

/// <summary>
/// The demo's clock: the term 2021–2026 has its calendar in 2021, where today's date would make every deadline past.
/// It runs at real speed from <see cref="Start"/>; while seeding, it is set to each action's own date first.
/// </summary>
public sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private volatile Anchor anchor = new(start, System.GetTimestamp());

    public DateTimeOffset Start { get; } = start;

    public override DateTimeOffset GetUtcNow()
    {
        var current = anchor;
        return current.Instant.ToUniversalTime() + System.GetElapsedTime(current.Timestamp);
    }

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    /// <summary>From now on the clock reads <paramref name="instant"/>, running on at real speed.</summary>
    public void Set(DateTimeOffset instant) => anchor = new Anchor(instant, System.GetTimestamp());

    private sealed record Anchor(DateTimeOffset Instant, long Timestamp);
}

/// <summary>Once the server listens: seeds the demo if the database holds no process yet, then prints the banner.</summary>
internal sealed class DemoSeeding(
    IServer server, IHostApplicationLifetime lifetime, IDocumentStore store, Accounts.Accounts accounts, DemoSeed seed, DemoClock clock,
    SeedCatalog seeds, ILogger<DemoSeeding> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var address = LoopbackAddress();
        bool seeded;
        await using (var session = store.QuerySession())
        {
            if (await session.Query<ConsultationProcess>().AnyAsync(stoppingToken))
            {
                // Someone else's processes, not a demo's: print no accounts that do not exist.
                if (await session.LoadAsync<Account>(seed.Accounts[0].Name, stoppingToken) is null)
                {
                    logger.LogWarning("Demo: this database already holds processes and no demo accounts; nothing seeded");
                    return;
                }

                seeded = false;
            }
            else
            {
                seeded = true;
            }
        }

        if (seeded) await SeedAsync(address, stoppingToken);
        await Console.Out.WriteLineAsync(Banner(address, seeded));
    }

    private async Task SeedAsync(Uri address, CancellationToken cancellation)
    {
        try
        {
            clock.Set(seed.Wards.Min(ward => ward.OpenedAt));
            // A start that failed half-way may have created some accounts already: creating one again does nothing.
            foreach (var account in seed.Accounts)
            {
                await accounts.CreateAsync(account.Name, account.Password, account.Roles, account.Body, account.Jurisdiction, cancellation);
            }

            await new DemoStory(address, seed, clock, logger).RunAsync(cancellation);
        }
        catch (Exception problem) when (problem is not OperationCanceledException)
        {
            logger.LogError(problem, "Demo: seeding failed; stop the server, delete its data folder and start the demo again");
            throw;
        }
    }

    /// <summary>Where this server answers on this machine: a wildcard binding is reached through loopback.</summary>
    private Uri LoopbackAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(candidate => candidate.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.First();
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        uri.Host = uri.Host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" => "[::1]",
            _ => uri.Host,
        };
        return new Uri(uri.Uri.GetLeftPart(UriPartial.Authority));
    }

    private string Banner(Uri address, bool seeded)
    {
        var banner = new StringBuilder();
        var rule = new string('=', 100);
        banner.AppendLine(rule);
        banner.AppendLine(CultureInfo.InvariantCulture, $"ElectionPrep: bản trình diễn / demo. {(seeded
            ? "Đã tạo dữ liệu trình diễn / demo data seeded."
            : "Dữ liệu trình diễn đã có, không tạo lại / demo data already present, not seeded again.")}");
        banner.AppendLine(CultureInfo.InvariantCulture, $"Địa chỉ / URL: {address}  (đăng nhập / sign in: {new Uri(address, Routes.SignIn)})");
        banner.AppendLine(CultureInfo.InvariantCulture,
            $"Đồng hồ trình diễn bắt đầu lúc / demo clock starts at {clock.Start.ToOffset(seed.Start.Offset):yyyy-MM-dd HH:mm zzz} at each start and runs at real speed (the {seed.Term} calendar is in 2021).");
        foreach (var ward in seed.Wards)
        {
            var process = ConsultationProcessId.For(seed.Term, CouncilKind.CommuneCouncil, ward.Jurisdiction);
            var stage = ward.SecondRound is null ? "đang nhận hồ sơ ứng cử / dossier window open" : "hiệp thương lần thứ hai đang họp / round 2 in session";
            banner.AppendLine(CultureInfo.InvariantCulture, $"{seeds.UnitNameOf(ward.Jurisdiction, seed.Term)} ({ward.Jurisdiction}): {stage}: {new Uri(address, Routes.For(Routes.ProcessPage, process))}");
        }
        banner.AppendLine("Tài khoản / accounts (tên / name, mật khẩu / password, vai trò / role):");
        var width = seed.Accounts.Max(account => account.Name.Length) + 2;
        var passwordWidth = seed.Accounts.Max(account => account.Password.Length) + 2;
        foreach (var account in seed.Accounts)
        {
            var scope = account.Jurisdiction is null ? "" : $", {seeds.UnitNameOf(account.Jurisdiction, seed.Term)}";
            banner.AppendLine(CultureInfo.InvariantCulture,
                $"  {account.Name.PadRight(width)}{account.Password.PadRight(passwordWidth)}{account.Title.Vi} / {account.Title.En} ({string.Join(", ", account.Roles)}{scope})");
        }

        banner.Append(rule);
        return banner.ToString();
    }
}
