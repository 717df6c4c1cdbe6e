namespace ExtensibilityHost.Sdk.Client;

/// <summary>A line the extension logged (<c>log</c>) or wrote to standard output or error (<c>stdout</c>, <c>stderr</c>).</summary>
/// <param name="Level"><c>trace</c>, <c>debug</c>, <c>info</c>, <c>warn</c> or <c>error</c>.</param>
/// <param name="Message">The text.</param>
/// <param name="ElapsedMs">Milliseconds since the call started.</param>
/// <param name="Source"><c>log</c>, <c>stdout</c> or <c>stderr</c> (null on records older than WASI support).</param>
public sealed record GuestLogEntry(string Level, string Message, double ElapsedMs, string? Source);
