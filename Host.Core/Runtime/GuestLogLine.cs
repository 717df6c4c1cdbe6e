namespace ExtensibilityHost.Core.Runtime;

/// <summary>One line a guest logged through the <c>logging</c> import or wrote to standard output or error.</summary>
/// <param name="Level">Severity (standard output is <c>info</c>, standard error <c>error</c>).</param>
/// <param name="Message">The text, cut to the configured line length.</param>
/// <param name="Elapsed">Time since the call started.</param>
/// <param name="Source">The import or stream the line came from.</param>
public sealed record GuestLogLine(GuestLogLevel Level, string Message, TimeSpan Elapsed, GuestLogSource Source = GuestLogSource.Log);
