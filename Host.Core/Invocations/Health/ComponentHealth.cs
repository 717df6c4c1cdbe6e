using ExtensibilityHost.Core.Invocations.Protection;
using ExtensibilityHost.Core.Invocations.Running;
namespace ExtensibilityHost.Core.Invocations.Health;

/// <summary>One tenant's component as the health overview shows it.</summary>
public sealed record ComponentHealth
{
    /// <summary>The tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The component.</summary>
    public required string ComponentName { get; init; }

    /// <summary>The component's kill switch is on.</summary>
    public required bool ComponentDisabled { get; init; }

    /// <summary>The tenant's kill switch is on.</summary>
    public required bool TenantDisabled { get; init; }

    /// <summary>The active version's number, if any.</summary>
    public int? ActiveVersion { get; init; }

    /// <summary>Versions the circuit breaker suspended.</summary>
    public required IReadOnlyList<SuspendedVersion> Suspended { get; init; }

    /// <summary>Invocations in the window.</summary>
    public required InvocationStats Stats { get; init; }
}
