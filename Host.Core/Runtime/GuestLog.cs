using System.Diagnostics;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>
/// The log lines of one call, capped in count, line length and total size so a chatty or
/// hostile guest cannot make the host hold unbounded memory.
/// </summary>
internal sealed class GuestLog(int maxLines, int maxLineLength, int maxTotalLength, long startTimestamp)
{
    private readonly List<GuestLogLine> _lines = [];
    private int _totalLength;

    public IReadOnlyList<GuestLogLine> Lines => _lines;

    /// <summary>Lines that were dropped because a cap was reached.</summary>
    public int Dropped { get; private set; }

    public void Add(GuestLogLevel level, string message)
    {
        if (_lines.Count >= maxLines || _totalLength >= maxTotalLength)
        {
            Dropped++;
            return;
        }

        var room = Math.Min(maxLineLength, maxTotalLength - _totalLength);
        if (message.Length > room)
        {
            message = string.Concat(message.AsSpan(0, room), "…");
        }

        _totalLength += message.Length;
        _lines.Add(new GuestLogLine(level, message, Stopwatch.GetElapsedTime(startTimestamp)));
    }
}
