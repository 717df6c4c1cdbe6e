using System.Text.Json;

namespace ExtensibilityHost.Sdk.Client;

/// <summary>The answer of an extension point: the extension's output, or the point's default under fail-open.</summary>
public record ExtensionPointResult
{
    /// <summary>The point.</summary>
    public required string Point { get; init; }

    /// <summary>The output as JSON (the extension's, or the default).</summary>
    public JsonElement? Output { get; init; }

    /// <summary>The extension failed and the point's default was used (fail-open).</summary>
    public bool UsedDefault { get; init; }

    /// <summary>The call's outcome wire name (<c>ok</c>, or why the default was used).</summary>
    public string? Outcome { get; init; }

    /// <summary>The trap kind, when the extension trapped.</summary>
    public string? Trap { get; init; }

    /// <summary>Why the default was used.</summary>
    public string? Error { get; init; }

    /// <summary>How long the call ran, in milliseconds.</summary>
    public double DurationMs { get; init; }

    /// <summary>The call in the invocation log.</summary>
    public Guid? InvocationId { get; init; }

    /// <summary>The tenant's component that served the point.</summary>
    public string? Component { get; init; }

    /// <summary>Its version number.</summary>
    public int? Version { get; init; }
}
