using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using ElectionPrep.Http;

namespace ElectionPrep.Infrastructure;

/// <summary>
/// The built server run as a separate process, as a person runs it: for what only a real process shows
/// (exit codes, messages on stderr, a kill -9 and the restart after it).
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServerProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>
    /// The server's own build output. The test output beside it also holds the tests' packages (FsCheck and
    /// FSharp.Core), which the server's deps.json does not list and JasperFx's command scan cannot load.
    /// </summary>
    private static readonly string ServerOutput = Path.GetFullPath(typeof(ServerProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "ServerOutput").Value!);

    [System.Text.RegularExpressions.GeneratedRegex("one-time password: (\\S+)")]
    private static partial System.Text.RegularExpressions.Regex OneTimePasswordLine();

    /// <summary>The first administrator's one-time password, as the server printed it on first run; empty when it printed none.</summary>
    public string OneTimePassword => OneTimePasswordLine().Match(Output).Groups[1].Value;

    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    public static ServerProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        StartWrapped(environment, [], arguments);

    /// <summary>
    /// Runs the server where PostgreSQL is not installed: in a private mount namespace an empty folder covers
    /// /usr/lib/postgresql, which also leaves links to it elsewhere on PATH dangling. Needs root, as CI has.
    /// </summary>
    public static ServerProcess StartWithoutPostgreSql(IReadOnlyDictionary<string, string> environment)
    {
        var empty = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "no-postgresql")).FullName;
        return StartWrapped(environment, ["unshare", "--mount", "bash", "-c", $"mount --bind '{empty}' /usr/lib/postgresql && exec \"$0\" \"$@\""], []);
    }

    private static ServerProcess StartWrapped(IReadOnlyDictionary<string, string> environment, string[] wrapper, string[] arguments)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        string[] command = [.. wrapper, "dotnet", Path.Combine(ServerOutput, "ElectionPrep.Server.dll"), .. arguments];
        var info = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ServerOutput,
        };
        foreach (var part in command[1..]) info.ArgumentList.Add(part);
        info.Environment.Remove("ConnectionStrings__ElectionPrep");
        info.Environment["ASPNETCORE_URLS"] = address.ToString();
        foreach (var (key, value) in TestUsers.Settings) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var server = new ServerProcess(new Process { StartInfo = info }, address);
        server.process.OutputDataReceived += (_, line) => server.Append(line.Data);
        server.process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        server.process.Start();
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits until GET /health answers 200 (90 s unless told), or fails with what the server printed.</summary>
    public async Task<HttpClient> WaitUntilHealthyAsync(TimeSpan? within = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync(new Uri(Routes.Health, UriKind.Relative))).IsSuccessStatusCode) return client;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The server did not become healthy:\n{Output}");
    }

    /// <summary>Waits for the server's health, then for the banner it prints once seeding is done (or skipped).</summary>
    public async Task<string> DemoBannerAsync()
    {
        using (await WaitUntilHealthyAsync())
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (DateTime.UtcNow < deadline)
            {
                var output = Output;
                var start = output.IndexOf("ElectionPrep: bản trình diễn / demo.", StringComparison.Ordinal);
                var end = start < 0 ? -1 : output.IndexOf(new string('=', 100), start, StringComparison.Ordinal);
                if (end > 0) return output[start..end];
                Assert.DoesNotContain("Demo: seeding failed", output, StringComparison.Ordinal);
                await Task.Delay(250);
            }
        }

        throw new TimeoutException($"The demo printed no banner:\n{Output}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        return process.ExitCode;
    }

    /// <summary>kill -9: no shutdown code runs, as when a machine loses power under the server.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a service manager stops the server: the host shuts down gracefully.</summary>
    public async Task<int> StopAsync()
    {
        using var signal = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await signal.WaitForExitAsync();
        return await WaitForExitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) await KillAsync();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
