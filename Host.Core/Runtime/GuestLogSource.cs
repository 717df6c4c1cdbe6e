namespace ExtensibilityHost.Core.Runtime;

/// <summary>Where a guest log line came from.</summary>
public enum GuestLogSource
{
    /// <summary>The <c>saas:extensibility/logging</c> import.</summary>
    Log,

    /// <summary>A line the guest wrote to WASI standard output.</summary>
    Stdout,

    /// <summary>A line the guest wrote to WASI standard error.</summary>
    Stderr,
}
