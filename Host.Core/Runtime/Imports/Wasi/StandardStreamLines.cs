using System.Text;

namespace ExtensibilityHost.Core.Runtime.Imports.Wasi;

/// <summary>
/// Turns the bytes a guest writes to WASI standard output or error into guest log lines: split
/// at <c>\n</c> (a trailing <c>\r</c> dropped), decoded as UTF-8 (invalid bytes replaced), and
/// bounded so that a guest writing without newlines cannot make the host buffer more than one
/// line: past the line cap the line is logged cut and the rest of it is skipped.
/// </summary>
/// <remarks>
/// Wasmtime may hand one guest write over in several pieces, so a line is only complete at its
/// newline or at <see cref="Flush"/>, which the sandbox calls when the call ends.
/// </remarks>
internal sealed class StandardStreamLines
{
    private readonly GuestLog _log;
    private readonly GuestLogSource _source;
    private readonly GuestLogLevel _level;
    private readonly int _maxLineBytes;
    private readonly Lock _lock = new();
    private byte[] _buffer = [];
    private int _length;
    private bool _skippingRestOfLine;

    public StandardStreamLines(GuestLog log, GuestLogSource source, GuestLogLevel level)
    {
        _log = log;
        _source = source;
        _level = level;

        // Enough UTF-8 for a line at the log's cap (up to 3 bytes per UTF-16 unit) and one more
        // character, so the log itself marks the cut.
        _maxLineBytes = (log.MaxLineLength + 1) * 3;
    }

    /// <summary>Takes the bytes of one write (Wasmtime's output callback).</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            while (!data.IsEmpty)
            {
                var newline = data.IndexOf((byte)'\n');
                var piece = newline < 0 ? data : data[..newline];
                if (!_skippingRestOfLine)
                {
                    Append(piece);
                }

                if (newline < 0)
                {
                    return;
                }

                // A line cut at the cap was logged when it reached the cap.
                if (!_skippingRestOfLine)
                {
                    EmitLine();
                }

                _skippingRestOfLine = false;
                data = data[(newline + 1)..];
            }
        }
    }

    /// <summary>Logs a last line that had no newline.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            if (_length > 0)
            {
                EmitLine();
            }
        }
    }

    private void Append(ReadOnlySpan<byte> piece)
    {
        var room = _maxLineBytes - _length;
        if (piece.Length > room)
        {
            piece = piece[..room];
            _skippingRestOfLine = true;
        }

        if (_length + piece.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Min(_maxLineBytes, Math.Max(_length + piece.Length, Math.Max(256, _buffer.Length * 2))));
        }

        piece.CopyTo(_buffer.AsSpan(_length));
        _length += piece.Length;
        if (_skippingRestOfLine)
        {
            EmitLine();
        }
    }

    private void EmitLine()
    {
        var line = _buffer.AsSpan(0, _length);
        if (line.EndsWith((ReadOnlySpan<byte>)[(byte)'\r']))
        {
            line = line[..^1];
        }

        _log.Add(_level, Encoding.UTF8.GetString(line), _source);
        _length = 0;
    }
}
