using System.Text.Json;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Invocations.Json;

/// <summary>One call of tenant code with JSON input, for <see cref="JsonInvoker"/>.</summary>
internal sealed record JsonCallRequest
{
    public required string TenantId { get; init; }

    public required string ComponentName { get; init; }

    public required InvocationTarget Target { get; init; }

    public required JsonCallShape Shape { get; init; }

    public required JsonElement Input { get; init; }

    /// <summary>What the invocation log shows as the target.</summary>
    public required string Label { get; init; }

    /// <summary>The point's name, passed to the generic world's <c>invoke</c>.</summary>
    public string? Point { get; init; }

    public SandboxLimits? Limits { get; init; }
}
