using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// Finds the test guests from the benchmark's output directory: WAT sources in
/// <c>tests/guests/wat</c>, components built by <c>tests/guests/build.sh</c> in
/// <c>EXTHOST_GUESTS_DIR</c> (default <c>tests/guests/out</c>).
/// </summary>
internal static class BenchGuests
{
    public static string Wat(string name) => File.ReadAllText(Find(Path.Combine("tests", "guests", "wat", name + ".wat")));

    /// <summary>A component binary: a built guest, or a WAT guest converted to binary.</summary>
    public static byte[] Component(string file)
    {
        if (file.EndsWith(".wat", StringComparison.Ordinal))
        {
            return WatText.ToBinary(Wat(Path.GetFileNameWithoutExtension(file)));
        }

        var directory = Environment.GetEnvironmentVariable("EXTHOST_GUESTS_DIR") is { Length: > 0 } configured
            ? configured
            : Path.GetDirectoryName(Find(Path.Combine("tests", "guests", "build.sh")))! + "/out";
        var path = Path.Combine(directory, file);
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"{file} is not built in {directory}: run tests/guests/build.sh first.", path);
    }

    private static string Find(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, relative);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
