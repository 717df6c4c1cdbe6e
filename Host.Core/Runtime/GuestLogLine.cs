namespace ExtensibilityHost.Core.Runtime;

/// <summary>One line a guest wrote through the <c>logging</c> import.</summary>
/// <param name="Level">Severity.</param>
/// <param name="Message">The text, cut to the configured line length.</param>
/// <param name="Elapsed">Time since the call started.</param>
public sealed record GuestLogLine(GuestLogLevel Level, string Message, TimeSpan Elapsed);
