namespace ExtensibilityHost.Core.Components;

/// <summary>What a component import or export is.</summary>
public enum ComponentItemKind
{
    /// <summary>A nested component.</summary>
    Component,

    /// <summary>An instance, usually a WIT interface such as <c>saas:extensibility/logging@1.0.0</c>.</summary>
    Instance,

    /// <summary>A core WebAssembly module.</summary>
    Module,

    /// <summary>A component function at the top level of the component (a WIT world-level function).</summary>
    Function,

    /// <summary>A resource type.</summary>
    Resource,

    /// <summary>A core WebAssembly function.</summary>
    CoreFunction,

    /// <summary>A value type.</summary>
    Type,
}
