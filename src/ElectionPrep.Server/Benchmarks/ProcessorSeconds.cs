using System.Globalization;

namespace ElectionPrep.Benchmarks;

/// <summary>
/// CPU seconds spent by the benchmark's own process (server, clients and plan together) and by PostgreSQL (the
/// postmaster, its live backends and the ones that have ended), read from /proc: whether a command's time goes to the
/// server or to the database.
/// </summary>
public sealed record ProcessorSeconds(double Benchmark, double Database)
{
    // USER_HZ, the unit of /proc's CPU times: 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    public static ProcessorSeconds Read(int postmaster) => new(
        Environment.CpuUsage.TotalTime.TotalSeconds,
        OperatingSystem.IsLinux() ? DatabaseTicks(postmaster) / TicksPerSecond : 0);

    public ProcessorSeconds Since(ProcessorSeconds start) => new(Benchmark - start.Benchmark, Database - start.Database);

    private static long DatabaseTicks(int postmaster)
    {
        // The postmaster's own time and, in its cumulative fields, every backend it has reaped.
        var ticks = Ticks(postmaster, children: true) ?? 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || pid == postmaster) continue;
            if (Fields(pid) is { } fields && fields[1] == postmaster.ToString(CultureInfo.InvariantCulture)) ticks += Ticks(pid, children: false) ?? 0;
        }

        return ticks;
    }

    private static long? Ticks(int pid, bool children)
    {
        if (Fields(pid) is not { } fields) return null;
        // After the command name: state, ppid, … utime is the 12th field, stime, cutime, cstime follow.
        var own = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return children ? own + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture) : own;
    }

    // The fields after the parenthesised command name, which may itself hold spaces; null once the process has gone.
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
