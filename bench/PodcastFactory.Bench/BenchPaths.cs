namespace PodcastFactory.Bench;

/// <summary>Finds the repository and resolves paths given on the command line.</summary>
public static class BenchPaths
{
    /// <summary>The nearest folder (from the current directory up) holding Functions.sln, else the current directory.</summary>
    public static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    /// <summary>An absolute path as given, else relative to the current directory if it exists there, else to the repository.</summary>
    public static string Resolve(string path, string root, bool mustExist = true)
    {
        if (Path.IsPathRooted(path) || File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        string fromRoot = Path.Combine(root, path);
        return !mustExist || File.Exists(fromRoot) ? fromRoot : throw new FileNotFoundException($"File not found: {path}", path);
    }
}
