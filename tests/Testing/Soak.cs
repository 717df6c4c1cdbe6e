namespace ExtensibilityHost.Testing;

/// <summary>
/// The switch between a test's short form (every run) and its soak form (<c>EXTHOST_SOAK=1</c>):
/// more iterations, more kills, longer rounds, for a run that has the time.
/// </summary>
public static class Soak
{
    /// <summary>The environment variable that turns the soak form on (<c>1</c> or <c>true</c>).</summary>
    public const string Variable = "EXTHOST_SOAK";

    /// <summary>Whether the soak form runs.</summary>
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable(Variable) is "1" or "true" or "True" or "TRUE";

    /// <summary><paramref name="soakForm"/> when <see cref="Enabled"/>, <paramref name="shortForm"/> otherwise.</summary>
    public static T Scale<T>(T shortForm, T soakForm) => Enabled ? soakForm : shortForm;
}
