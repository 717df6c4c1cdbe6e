using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Invocations.Json;

/// <summary>
/// The inspected imports and exports of compiled components, by SHA-256: the WIT types that JSON
/// arguments and results are converted with. Inspection is cheap next to compilation but not free,
/// so descriptions are kept as long as compiled components are.
/// </summary>
internal sealed class ComponentDescriptions(SandboxEngine engine)
{
    private readonly LruCache<string, ComponentDescription> _descriptions = new(engine.Options.MemoryCacheCapacity);
    private readonly ComponentInspector _inspector = new(engine.Engine);

    public ComponentDescription Describe(CompiledComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (!_descriptions.TryGet(component.Sha256, out var description))
        {
            description = _inspector.Inspect(component.Component);
            _descriptions.Set(component.Sha256, description);
        }

        return description;
    }

    /// <summary>The signature of <paramref name="target"/>, or <see langword="null"/> when the component does not export it.</summary>
    public ComponentFunctionSignature? SignatureOf(CompiledComponent component, InvocationTarget target)
    {
        var description = Describe(component);
        if (target.Interface is null)
        {
            return description.FindExport(target.Function) is { Kind: ComponentItemKind.Function } function ? function.Signature : null;
        }

        return description.FindExport(target.Interface) is { Kind: ComponentItemKind.Instance } instance
            ? instance.FindFunction(target.Function)?.Signature
            : null;
    }
}
