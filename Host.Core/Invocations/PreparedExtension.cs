using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Invocations;

/// <summary>
/// A tenant's component made ready to call: its active version resolved, compiled, and one of the
/// tenant's concurrency slots taken. Disposing it gives the slot back.
/// </summary>
internal sealed class PreparedExtension(
    string tenantId, string componentName, Guid versionId, int versionNumber, CompiledComponent component, TenantSlot slot) : IDisposable
{
    public string TenantId { get; } = tenantId;

    public string ComponentName { get; } = componentName;

    public Guid VersionId { get; } = versionId;

    public int VersionNumber { get; } = versionNumber;

    public CompiledComponent Component { get; } = component;

    public void Dispose() => slot.Dispose();
}
