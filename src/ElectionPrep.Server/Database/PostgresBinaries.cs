namespace ElectionPrep.Database;

/// <summary>Finds the installed PostgreSQL server programs (initdb, pg_ctl).</summary>
public sealed record PostgresBinaries(string Directory)
{
    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>On PATH first (an administrator's choice), then the newest /usr/lib/postgresql/*/bin.</summary>
    public static PostgresBinaries? Find()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(HasServerPrograms);
        var debian = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => (Version: int.TryParse(Path.GetFileName(version), out var number) ? number : 0, Bin: Path.Combine(version, "bin")))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Bin)
                .Where(HasServerPrograms)
            : [];
        var directory = onPath.Concat(debian).FirstOrDefault();
        return directory is null ? null : new PostgresBinaries(ResolveLinks(directory));
    }

    private static bool HasServerPrograms(string directory) =>
        Runnable(Path.Combine(directory, "initdb")) && Runnable(Path.Combine(directory, "pg_ctl"));

    // File.Exists is true for a link whose target is gone (PostgreSQL removed, links left behind).
    private static bool Runnable(string path) =>
        File.Exists(path) && (new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is not { } target || target.Exists);

    // /usr/local/bin/pg_ctl is often a link into /usr/lib/postgresql/NN/bin; pg_ctl finds postgres beside its real path.
    private static string ResolveLinks(string directory)
    {
        var target = new FileInfo(Path.Combine(directory, "pg_ctl")).ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? directory : Path.GetDirectoryName(target.FullName)!;
    }
}
