namespace ExtensibilityHost.Core.Runtime;

/// <summary>Who a sandboxed call runs for; visible to host imports during the call.</summary>
public sealed record InvocationContext
{
    /// <summary>The tenant that owns the component.</summary>
    public required string TenantId { get; init; }

    /// <summary>The component's name within the tenant.</summary>
    public required string ComponentName { get; init; }

    /// <summary>The component version being run.</summary>
    public required string Version { get; init; }

    /// <summary>
    /// A shadow run at review: the call must have no lasting effect. Capabilities that write keep
    /// the writes in a throwaway scope (key-value: an overlay on the tenant's real entries).
    /// </summary>
    public bool IsShadow { get; init; }

    /// <summary>Unique id of this call, for the invocation log.</summary>
    public string InvocationId { get; init; } = Guid.CreateVersion7().ToString("N");

    /// <summary>A context for running a file on a developer's machine (<c>ext run</c>).</summary>
    public static InvocationContext Local(string componentName) => new()
    {
        TenantId = "local",
        ComponentName = componentName,
        Version = "local",
    };
}
