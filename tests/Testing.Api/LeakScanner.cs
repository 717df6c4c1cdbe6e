using System.Text.RegularExpressions;

namespace ExtensibilityHost.Testing.Api;

/// <summary>What no response and no log line of the host may carry (docs/security.md).</summary>
public static partial class LeakScanner
{
    /// <summary>
    /// What <paramref name="text"/> leaks: one of <paramref name="secrets"/> (keys, the connection
    /// string, the host's folders) or, when <paramref name="stackFrames"/>, a stack frame or an
    /// exception type name. Log lines may carry stack traces (the operator's log of a host fault); responses may not.
    /// </summary>
    public static IEnumerable<string> Leaks(string text, IEnumerable<string> secrets, bool stackFrames)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (var secret in secrets.Where(s => s.Length > 0 && text.Contains(s, StringComparison.Ordinal)))
        {
            yield return $"contains \"{secret}\"";
        }

        if (stackFrames && StackFrame().Match(text) is { Success: true } frame)
        {
            yield return $"a stack frame: {frame.Value}";
        }

        if (text.Contains("Data Source=", StringComparison.OrdinalIgnoreCase) || text.Contains("Server=", StringComparison.OrdinalIgnoreCase))
        {
            yield return "a connection string";
        }
    }

    [GeneratedRegex(@"\bat [\w.`<>]+\(.*\)|\.cs:line \d+|System\.[A-Za-z.]*Exception\b")]
    private static partial Regex StackFrame();
}
