namespace ExtensibilityHost.Core.Components;

/// <summary>A named function inside an interface instance.</summary>
/// <param name="Name">The function name as declared in WIT.</param>
/// <param name="Signature">Its parameters and result.</param>
public sealed record WitFunction(string Name, ComponentFunctionSignature Signature);
