using System.Globalization;
using System.Runtime.InteropServices;

namespace ExtensibilityHost.Benchmarks;

/// <summary>This process's resident memory, read from <c>/proc/self</c> (Linux only).</summary>
internal static partial class ProcessMemory
{
    /// <summary>
    /// VmRSS in bytes after a full, compacting, decommitting GC and <c>malloc_trim</c>: freed managed
    /// and native memory is handed back first, so a delta between two readings is memory still in use
    /// (and later allocations fault in new pages instead of reusing pages an earlier benchmark freed).
    /// </summary>
    public static long SettledResidentBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _ = MallocTrim(0);
        return ResidentBytes();
    }

    /// <summary>VmRSS in bytes, as it is.</summary>
    public static long ResidentBytes() => StatusKiB("VmRSS:") * 1024;

    /// <summary>The address ranges mapped in this process: start, end (exclusive) and resident bytes.</summary>
    public static IReadOnlyList<Mapping> Mappings()
    {
        var mappings = new List<Mapping>();
        ulong start = 0, end = 0;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (line.Length > 0 && Uri.IsHexDigit(line[0]) && line.IndexOf('-', StringComparison.Ordinal) is var dash and > 0
                && line.IndexOf(' ', StringComparison.Ordinal) is var space && space > dash)
            {
                start = ulong.Parse(line.AsSpan(0, dash), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                end = ulong.Parse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                mappings.Add(new Mapping(start, end, KiB(line) * 1024));
            }
        }

        return mappings;
    }

    private static long StatusKiB(string field) =>
        KiB(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal)));

    /// <summary>The number of a <c>Name:   1234 kB</c> line.</summary>
    private static long KiB(string line) =>
        long.Parse(line.AsSpan(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    /// <summary>One mapping of <c>/proc/self/smaps</c>.</summary>
    public readonly record struct Mapping(ulong Start, ulong End, long ResidentBytes)
    {
        public ulong Size => End - Start;
    }
}
