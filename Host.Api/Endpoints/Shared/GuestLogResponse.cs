using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Api.Endpoints.Shared;

/// <summary>A line the guest logged, or wrote to standard output or error (<c>source</c>).</summary>
internal sealed record GuestLogResponse(string Level, string Message, double ElapsedMs, string Source)
{
    public static GuestLogResponse From(GuestLogLine line) =>
        new(line.Level.ToString().ToLowerInvariant(), line.Message, Math.Round(line.Elapsed.TotalMilliseconds, 3), line.Source.ToWireName());
}
