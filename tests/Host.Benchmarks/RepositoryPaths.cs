namespace ExtensibilityHost.Benchmarks;

/// <summary>Folders of the repository the benchmarks run from, found from <c>tests/guests</c>.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root.</summary>
    public static string Root => Path.GetFullPath(Path.Combine(Guests.Root, "..", ".."));

    /// <summary>The Host.Api project: the content root of the HTTP host.</summary>
    public static string HostApi => Path.Combine(Root, "Host.Api");

    /// <summary>Where <c>all</c> writes bench.json and bench.md (ignored by git).</summary>
    public static string Results => Path.Combine(Root, "BenchmarkResults");
}
