using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Invocations;

/// <summary>
/// A tenant's component made ready to call: its active version resolved, compiled, and one of the
/// tenant's concurrency slots taken. Disposing it gives the slot back.
/// </summary>
internal sealed class PreparedExtension(
    string tenantId, string componentName, Guid versionId, int versionNumber, int consecutiveFailures, CompiledComponent component, TenantSlot slot) : IDisposable
{
    public string TenantId { get; } = tenantId;

    public string ComponentName { get; } = componentName;

    public Guid VersionId { get; } = versionId;

    public int VersionNumber { get; } = versionNumber;

    /// <summary>The version's failures in a row when it was resolved; 0 lets a success skip the breaker's reset.</summary>
    public int ConsecutiveFailures { get; } = consecutiveFailures;

    public CompiledComponent Component { get; } = component;

    public void Dispose() => slot.Dispose();
}
