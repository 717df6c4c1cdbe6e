namespace ExtensibilityHost.Benchmarks;

/// <summary>Finds the WAT guests in <c>tests/guests/wat</c> from the benchmark's output directory.</summary>
internal static class BenchGuests
{
    public static string Wat(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "tests", "guests", "wat", name + ".wat");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException($"tests/guests/wat/{name}.wat not found above {AppContext.BaseDirectory}");
    }
}
