using System.Text.Json;

namespace ExtensibilityHost.Sdk.Client;

/// <summary>One recorded invocation of tenant code.</summary>
public sealed record InvocationInfo
{
    /// <summary>Its id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The component.</summary>
    public required string Component { get; init; }

    /// <summary>The version that ran.</summary>
    public int? Version { get; init; }

    /// <summary>Its id.</summary>
    public Guid? VersionId { get; init; }

    /// <summary>What was called: <c>event:order.placed</c>, <c>point:pricing.discount</c>, or an export.</summary>
    public required string Target { get; init; }

    /// <summary>The event handled, for event deliveries.</summary>
    public string? EventId { get; init; }

    /// <summary>The outcome's wire name.</summary>
    public required string Outcome { get; init; }

    /// <summary>The trap kind, for traps.</summary>
    public string? Trap { get; init; }

    /// <summary>Duration in milliseconds.</summary>
    public double DurationMs { get; init; }

    /// <summary>Fuel consumed, when metered.</summary>
    public long? FuelConsumed { get; init; }

    /// <summary>What the extension logged or printed.</summary>
    public IReadOnlyList<GuestLogEntry> Logs { get; init; } = [];

    /// <summary>Lines dropped by the caps.</summary>
    public int LogsDropped { get; init; }

    /// <summary>The failure, for outcomes other than ok.</summary>
    public string? Error { get; init; }

    /// <summary>When it started (UTC).</summary>
    public DateTime StartedAt { get; init; }

    /// <summary>The recorded input, <c>{"target": "interface#function", "args": [...]}</c> (redacted), when recorded.</summary>
    public JsonElement? Input { get; init; }

    /// <summary>The recorded return value as WIT JSON (redacted), when recorded.</summary>
    public JsonElement? Output { get; init; }
}
