using System.Text;

namespace ExtensibilityHost.Testing;

/// <summary>
/// Finds the test guests: WAT sources in <c>tests/guests/wat</c>, and components built from
/// source by <c>tests/guests/build.sh</c> into <c>EXTHOST_GUESTS_DIR</c> (default <c>tests/guests/out</c>).
/// </summary>
public static class Guests
{
    private static readonly Lazy<string> s_root = new(FindGuestsRoot);

    public static string Root => s_root.Value;

    public static string WatPath(string name) => Path.Combine(Root, "wat", name + ".wat");

    public static string Wat(string name) => File.ReadAllText(WatPath(name));

    /// <summary>Where <c>tests/guests/build.sh</c> writes the built guests: <c>EXTHOST_GUESTS_DIR</c>, else <c>tests/guests/out</c>.</summary>
    public static string BuiltDirectory => Environment.GetEnvironmentVariable("EXTHOST_GUESTS_DIR") ?? Path.Combine(Root, "out");

    /// <summary>The path of a built component; fails with what to run when it is missing.</summary>
    public static string Built(string fileName)
    {
        var directory = BuiltDirectory;
        var path = Path.Combine(directory, fileName);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Guest '{fileName}' is not built in {directory}: run tests/guests/build.sh (./test.sh does).", path);
    }

    /// <summary>A guest's component binary: a WAT guest by file name (<c>add.wat</c>), converted; a built one (<c>go-point.wasm</c>) as built.</summary>
    public static byte[] Component(string fileName) => fileName.EndsWith(".wat", StringComparison.Ordinal)
        ? ExtensibilityHost.Core.Runtime.WatText.ToBinary(Wat(Path.GetFileNameWithoutExtension(fileName)))
        : File.ReadAllBytes(Built(fileName));

    /// <summary>
    /// <paramref name="component"/> with a custom section carrying <paramref name="tag"/> appended:
    /// the same component to Wasmtime, different bytes (and hash) for the host.
    /// </summary>
    public static byte[] Tagged(byte[] component, string tag)
    {
        var name = Encoding.UTF8.GetBytes("exthost-test");
        var payload = Encoding.UTF8.GetBytes(tag);
        var content = new List<byte>();
        content.AddRange(Leb128(name.Length));
        content.AddRange(name);
        content.AddRange(payload);
        return [.. component, 0x00, .. Leb128(content.Count), .. content];
    }

    private static byte[] Leb128(int value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    private static string FindGuestsRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "guests");
            if (Directory.Exists(Path.Combine(candidate, "wat")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/guests not found above " + AppContext.BaseDirectory);
    }
}
