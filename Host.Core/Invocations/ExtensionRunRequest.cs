using ExtensibilityHost.Core.Runtime;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Invocations;

/// <summary>A request to run a tenant's component: its active version, in a fresh sandbox.</summary>
public sealed record ExtensionRunRequest
{
    /// <summary>The tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The component; its active version runs.</summary>
    public required string ComponentName { get; init; }

    /// <summary>The export to call.</summary>
    public required InvocationTarget Target { get; init; }

    /// <summary>Arguments in the export's WIT types.</summary>
    public required IReadOnlyList<ComponentValue> Arguments { get; init; }

    /// <summary>What the invocation log shows as the target (an export, <c>point:pricing.discount</c>, <c>event:order.placed</c>).</summary>
    public string? Label { get; init; }

    /// <summary>The event being handled, for event deliveries.</summary>
    public string? EventId { get; init; }

    /// <summary>Limits; the host defaults when null.</summary>
    public SandboxLimits? Limits { get; init; }

    /// <summary>
    /// When the tenant is at its concurrency limit: wait for a slot (background deliveries) or
    /// return <see cref="ExtensionCallStatus.ConcurrencyLimited"/> at once (request paths).
    /// </summary>
    public bool WaitForSlot { get; init; }
}
