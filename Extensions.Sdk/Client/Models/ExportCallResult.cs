using System.Text.Json;

namespace ExtensibilityHost.Sdk.Client;

/// <summary>The result of a typed call of a component's export.</summary>
public sealed record ExportCallResult
{
    /// <summary>The return value as JSON (a <c>result</c> as <c>{"ok": …}</c>), converted by the function's WIT types.</summary>
    public JsonElement? Output { get; init; }

    /// <summary><c>ok</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>How long the call ran, in milliseconds.</summary>
    public double DurationMs { get; init; }

    /// <summary>The call in the invocation log.</summary>
    public Guid? InvocationId { get; init; }

    /// <summary>The version that ran.</summary>
    public int? Version { get; init; }

    /// <summary>What the extension logged or printed.</summary>
    public IReadOnlyList<GuestLogEntry> Logs { get; init; } = [];
}
