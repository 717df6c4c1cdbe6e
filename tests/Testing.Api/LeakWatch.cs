using System.Text.RegularExpressions;

namespace ExtensibilityHost.Testing.Api;

/// <summary>
/// One <see cref="ApiHost"/>'s leak check, shared by the <see cref="LeakGuard"/> of each of its
/// clients: the host's secrets, every API key the tests sent or were given, and the host's log.
/// </summary>
public sealed partial class LeakWatch(Func<IEnumerable<string>> hostSecrets, CapturingLoggerProvider log)
{
    private static long s_responses;
    private static long s_logLines;
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _logChecked;

    static LeakWatch()
    {
        // test.sh collects every test process's totals (EXTHOST_LEAK_REPORT) for its summary.
        if (Environment.GetEnvironmentVariable("EXTHOST_LEAK_REPORT") is { Length: > 0 } path)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => File.AppendAllText(path, $"{AppDomain.CurrentDomain.FriendlyName}: {Report}\n");
        }
    }

    /// <summary>Responses and log lines checked in this process.</summary>
    public static string Report => $"{Interlocked.Read(ref s_responses)} responses and {Interlocked.Read(ref s_logLines)} log lines checked for leaks, none found";

    /// <summary>Everything a request sent and its response carried; throws when the response leaks.</summary>
    public void CheckResponse(string request, string? sentKey, string response)
    {
        lock (_lock)
        {
            if (sentKey is not null)
            {
                _keys.Add(sentKey);
            }

            foreach (Match issued in IssuedKey().Matches(response))
            {
                _keys.Add(issued.Groups[1].Value);
            }
        }

        Interlocked.Increment(ref s_responses);
        var leaks = LeakScanner.Leaks(response, hostSecrets(), stackFrames: true).ToList();
        if (leaks.Count > 0)
        {
            throw new InvalidOperationException($"The response to {request} leaks {string.Join("; ", leaks)}:\n{response}");
        }

        CheckLog();
    }

    /// <summary>Checks the log lines written since the last check; throws at the first leak.</summary>
    public void CheckLog()
    {
        lock (_lock)
        {
            var entries = log.Entries.ToArray();
            var secrets = hostSecrets().Concat(_keys).ToList();
            for (; _logChecked < entries.Length; _logChecked++)
            {
                var (_, category, message) = entries[_logChecked];
                Interlocked.Increment(ref s_logLines);
                if (LeakScanner.Leaks(message, secrets, stackFrames: false).FirstOrDefault() is { } leak)
                {
                    _logChecked++;
                    throw new InvalidOperationException($"A log line of {category} leaks {leak}: {message}");
                }
            }
        }
    }

    [GeneratedRegex("\"apiKey\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex IssuedKey();
}
