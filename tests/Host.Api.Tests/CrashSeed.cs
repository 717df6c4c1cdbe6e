using System.Globalization;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// The seed of a crash test's random choices (when to kill, what to retry), printed by the test:
/// <c>EXTHOST_CRASH_SEED</c> repeats a run's choices (the host's own timing still varies).
/// </summary>
internal static class CrashSeed
{
    public const string Variable = "EXTHOST_CRASH_SEED";

    public static int Choose() =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : Random.Shared.Next();
}
