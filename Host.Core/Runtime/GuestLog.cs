using System.Diagnostics;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>
/// The log lines of one call, capped in count, line length and total size so a chatty or
/// hostile guest cannot make the host hold unbounded memory.
/// </summary>
/// <remarks>
/// Lines arrive from the calling thread (the <c>logging</c> import) and from a Wasmtime thread
/// (WASI standard output and error, while the calling thread waits), hence the lock.
/// </remarks>
internal sealed class GuestLog(int maxLines, int maxLineLength, int maxTotalLength, long startTimestamp)
{
    private readonly List<GuestLogLine> _lines = [];
    private readonly Lock _lock = new();
    private int _totalLength;
    private int _dropped;

    public IReadOnlyList<GuestLogLine> Lines
    {
        get
        {
            lock (_lock)
            {
                return _lines.Count == 0 ? [] : [.. _lines];
            }
        }
    }

    /// <summary>Lines that were dropped because a cap was reached.</summary>
    public int Dropped
    {
        get
        {
            lock (_lock)
            {
                return _dropped;
            }
        }
    }

    /// <summary>The longest line kept, in UTF-16 characters.</summary>
    public int MaxLineLength => maxLineLength;

    public void Add(GuestLogLevel level, string message, GuestLogSource source = GuestLogSource.Log)
    {
        lock (_lock)
        {
            if (_lines.Count >= maxLines || _totalLength >= maxTotalLength)
            {
                _dropped++;
                return;
            }

            var room = Math.Min(maxLineLength, maxTotalLength - _totalLength);
            if (message.Length > room)
            {
                message = string.Concat(message.AsSpan(0, room), "…");
            }

            _totalLength += message.Length;
            _lines.Add(new GuestLogLine(level, message, Stopwatch.GetElapsedTime(startTimestamp), source));
        }
    }
}
