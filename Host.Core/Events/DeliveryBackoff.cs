namespace ExtensibilityHost.Core.Events;

/// <summary>When a failed delivery is tried again: exponential backoff with jitter.</summary>
internal static class DeliveryBackoff
{
    /// <summary>
    /// The delay after the <paramref name="attempts"/>-th failed attempt: <c>base × 2^(attempts-1)</c>,
    /// capped at <paramref name="max"/>, of which the upper half is random (<paramref name="random"/> in [0, 1)),
    /// so deliveries that failed together (a tenant's outage) do not all come back in the same instant.
    /// </summary>
    public static TimeSpan Delay(int attempts, TimeSpan baseDelay, TimeSpan max, double random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ceiling = Math.Min(baseDelay.Ticks * Math.Pow(2, exponent), max.Ticks);
        return TimeSpan.FromTicks((long)(ceiling / 2 + (ceiling / 2 * random)));
    }
}
