using ExtensibilityHost.Core.Invocations.Protection;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Invocations.Running;

/// <summary>
/// A tenant's component made ready to call: admitted (its active version resolved, one of the
/// tenant's concurrency slots taken) and compiled. Disposing it gives the slot back.
/// </summary>
internal sealed class PreparedExtension(string tenantId, string componentName, ActiveVersion version, CompiledComponent component, TenantSlot slot) : IDisposable
{
    public string TenantId { get; } = tenantId;

    public string ComponentName { get; } = componentName;

    public ActiveVersion Version { get; } = version;

    public CompiledComponent Component { get; } = component;

    public void Dispose() => slot.Dispose();
}

/// <summary>What <see cref="ExtensionRunner.PrepareAsync"/> gives: an extension ready to call, or why it cannot run.</summary>
internal abstract record Preparation
{
    private Preparation()
    {
    }

    public sealed record Ready(PreparedExtension Extension) : Preparation;

    public sealed record Refused(ExtensionCallResult Result) : Preparation;
}
