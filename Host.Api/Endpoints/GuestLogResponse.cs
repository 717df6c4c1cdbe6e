using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Api.Endpoints;

/// <summary>A line the guest logged.</summary>
internal sealed record GuestLogResponse(string Level, string Message, double ElapsedMs)
{
    public static GuestLogResponse From(GuestLogLine line) =>
        new(line.Level.ToString().ToLowerInvariant(), line.Message, Math.Round(line.Elapsed.TotalMilliseconds, 3));
}
