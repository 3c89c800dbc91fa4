namespace ElectionPrep.Infrastructure;

/// <summary>Paths in the repository the tests run from, and throwaway copies of its data folders.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>A throwaway copy of a folder (e.g. the shipped workflows/) to break or extend.</summary>
    public static string CopyOf(string folder)
    {
        var copy = TestDatabase.TemporaryFolder();
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ElectionPrep.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException("The tests run outside the repository.");
    }
}
