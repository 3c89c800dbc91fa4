using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ElectionPrep.Database;

/// <summary>
/// A PostgreSQL cluster that the server owns: created on first start under a data folder, started on a free
/// loopback port, kept across restarts and stopped when the server stops. The tests use the same class with a
/// throwaway folder and <c>durable: false</c>.
/// </summary>
public sealed class EmbeddedPostgresCluster : IAsyncDisposable
{
    public const string DatabaseName = "electionprep";
    private const string SuperUser = "electionprep";

    // initdb, pg_ctl and postgres refuse to run as root; as root we run them as this account.
    private const string ServiceAccount = "postgres";

    private readonly PostgresBinaries binaries;
    private readonly string? runAs;
    private readonly ILogger logger;
    private FileStream? ownership;
    private bool stopped;

    private EmbeddedPostgresCluster(string root, PostgresBinaries binaries, string? runAs, ILogger logger)
    {
        Root = root;
        this.binaries = binaries;
        this.runAs = runAs;
        this.logger = logger;
    }

    /// <summary>The folder holding pgdata/ and the generated password.</summary>
    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "pgdata");

    public int Port { get; private set; }

    public string ConnectionString { get; private set; } = "";

    private string PasswordFile => Path.Combine(Root, "password");

    /// <summary>The folder used when none is configured: $XDG_DATA_HOME/electionprep, /var/lib/electionprep for root.</summary>
    public static string DefaultRoot()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (!string.IsNullOrEmpty(xdg)) return Path.Combine(xdg, "electionprep");

        // root's home is closed to the postgres account, which must traverse the parents of its data folder.
        if (Environment.IsPrivilegedProcess) return "/var/lib/electionprep";
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "electionprep");
    }

    public static async Task<EmbeddedPostgresCluster> StartAsync(string root, bool durable, ILogger logger, CancellationToken cancellation = default)
    {
        var binaries = PostgresBinaries.Find() ?? throw new StartupRefusedException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin. " +
            "Install them (Debian/Ubuntu: apt-get install postgresql) or set ConnectionStrings__ElectionPrep " +
            "to the connection string of an existing PostgreSQL server.");

        var cluster = new EmbeddedPostgresCluster(Path.GetFullPath(root), binaries, Environment.IsPrivilegedProcess ? ServiceAccount : null, logger);
        await cluster.StartAsync(durable, cancellation);
        return cluster;
    }

    private async Task StartAsync(bool durable, CancellationToken cancellation)
    {
        PrepareFolders();
        TakeOwnership();
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(cancellation);
        }

        Port = RunningPort() ?? await LaunchAsync(durable, cancellation);
        var password = (await File.ReadAllTextAsync(PasswordFile, cancellation)).Trim();
        var server = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SuperUser,
            Password = password,
            Database = "postgres",
        };
        await EnsureDatabaseAsync(server.ConnectionString, cancellation);
        server.Database = DatabaseName;
        ConnectionString = server.ConnectionString;
        logger.LogInformation("Embedded PostgreSQL is running on 127.0.0.1:{Port} with data in {DataDirectory}", Port, DataDirectory);
    }

    private void PrepareFolders()
    {
        Directory.CreateDirectory(Root);
        if (runAs is not null)
        {
            // Traversable by the service account; the password file inside stays private to us.
            File.SetUnixFileMode(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        if (!File.Exists(PasswordFile))
        {
            File.WriteAllText(PasswordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
            File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>
    /// One server per data folder: the lock lives as long as this process, so a postmaster found running
    /// without a lock holder was left by a server that was killed, and is adopted rather than started twice.
    /// </summary>
    private void TakeOwnership()
    {
        try
        {
            ownership = new FileStream(Path.Combine(Root, "server.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new StartupRefusedException(
                $"Another ElectionPrep server is using the database in {Root}. Stop it, or set EmbeddedDatabase__DataDirectory to another folder.");
        }
    }

    private async Task InitializeAsync(CancellationToken cancellation)
    {
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
        Directory.CreateDirectory(DataDirectory);
        File.SetUnixFileMode(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // initdb reads the password from a file it can open: hand it a private copy owned by the account that runs it.
        var passwordCopy = Path.Combine(Root, "initdb-password");
        File.Copy(PasswordFile, passwordCopy, overwrite: true);
        await HandToServiceAccountAsync(DataDirectory, cancellation);
        await HandToServiceAccountAsync(passwordCopy, cancellation);

        logger.LogInformation("Creating a PostgreSQL cluster in {DataDirectory}", DataDirectory);
        var initialised = false;
        try
        {
            // Collations must stay stable for the life of the cluster, so the C.UTF-8 locale (built into glibc) is used.
            await RunAsync(binaries.InitDb, ["-D", DataDirectory, "-U", SuperUser, "-E", "UTF8", "--locale=C.UTF-8",
                "--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={passwordCopy}"], cancellation);
            initialised = true;
        }
        finally
        {
            File.Delete(passwordCopy);
            if (!initialised) Directory.Delete(DataDirectory, recursive: true);
        }
    }

    /// <summary>The port of a postmaster already serving this data folder (the server was killed, not stopped).</summary>
    private int? RunningPort()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;

        // postmaster.pid: line 1 the pid, line 4 the port.
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port)) return null;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : port;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private async Task<int> LaunchAsync(bool durable, CancellationToken cancellation)
    {
        var settings = durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            try
            {
                await RunAsync(binaries.PgCtl, ["start", "-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"),
                    "-w", "-t", "60", "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {DataDirectory}{settings}"], cancellation);
                return port;
            }
            catch (StartupRefusedException) when (attempt < attempts)
            {
                // Another process may have taken the port between our probe and postgres binding it.
                logger.LogWarning("PostgreSQL did not start on port {Port}; trying another port", port);
            }
        }
    }

    private static async Task EnsureDatabaseAsync(string serverConnectionString, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(cancellation);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", DatabaseName);
        if (await exists.ExecuteScalarAsync(cancellation) is null)
        {
            await using var create = new NpgsqlCommand($"create database {DatabaseName}", connection);
            await create.ExecuteNonQueryAsync(cancellation);
        }
    }

    public async Task StopAsync()
    {
        if (stopped) return;
        stopped = true;
        NpgsqlConnection.ClearAllPools();
        await RunAsync(binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], CancellationToken.None);
        logger.LogInformation("Embedded PostgreSQL stopped");
        if (ownership is not null) await ownership.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task HandToServiceAccountAsync(string path, CancellationToken cancellation)
    {
        if (runAs is null) return;
        await RunAsync("chown", ["-R", $"{runAs}:", path], cancellation, asServiceAccount: false);
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellation, bool asServiceAccount = true)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (asServiceAccount && runAs is not null)
        {
            info.FileName = "runuser";
            foreach (var argument in new[] { "-u", runAs, "--", program }) info.ArgumentList.Add(argument);
        }
        else
        {
            info.FileName = program;
        }

        foreach (var argument in arguments) info.ArgumentList.Add(argument);

        using var process = Process.Start(info) ?? throw new StartupRefusedException($"Could not start {program}.");
        // pg_ctl start leaves the postmaster holding inherited pipes, so read to the end only after exit.
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0)
        {
            throw new StartupRefusedException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {await error}{await output}" +
                (program == binaries.PgCtl ? $" (see {Path.Combine(DataDirectory, "server.log")})" : ""));
        }
    }
}
