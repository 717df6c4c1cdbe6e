namespace ExtensibilityHost.Wit.Tests;

/// <summary>Finds the repository's <c>wit/</c> folder and this project's WIT corpus from the test assembly's directory.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ExtensibilityHost.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("ExtensibilityHost.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Wit(string relative) => Path.Combine(s_root.Value, "wit", relative);

    public static string Corpus(string relative) => Path.Combine(s_root.Value, "tests", "Wit.Tests", "corpus", relative);
}
