namespace ExtensibilityHost.Core.Runtime;

/// <summary>The severity of a guest log line, as in the WIT <c>logging.level</c> enum.</summary>
public enum GuestLogLevel
{
    /// <summary>trace</summary>
    Trace,
    /// <summary>debug</summary>
    Debug,
    /// <summary>info</summary>
    Info,
    /// <summary>warn</summary>
    Warn,
    /// <summary>error</summary>
    Error,
}
