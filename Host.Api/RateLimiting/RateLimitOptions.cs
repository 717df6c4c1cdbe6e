using System.ComponentModel.DataAnnotations;

namespace ExtensibilityHost.Api.RateLimiting;

/// <summary>Per-caller request rate (section <c>ExtensibilityHost:RateLimit</c>): a token bucket per tenant.</summary>
internal sealed class RateLimitOptions
{
    public const string SectionName = "ExtensibilityHost:RateLimit";

    /// <summary>Requests per second a tenant may sustain.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>Requests a tenant may burst above the sustained rate.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 100;
}
