namespace ExtensibilityHost.Sdk.WitGenerator;

/// <summary>The C# type generated for a named WIT type, and the codec class that converts it.</summary>
internal sealed class TypeBinding(string @namespace, string name, string codec, bool isValueType)
{
    /// <summary>The namespace, without <c>global::</c>.</summary>
    public string Namespace { get; } = @namespace;

    /// <summary>The type name inside its namespace.</summary>
    public string Name { get; } = name;

    /// <summary>The fully qualified type, with <c>global::</c>.</summary>
    public string FullName => $"global::{Namespace}.{Name}";

    /// <summary>The fully qualified codec class, with <c>global::</c>.</summary>
    public string Codec { get; } = codec;

    /// <summary>Enums and flags are value types; records and variants are classes.</summary>
    public bool IsValueType { get; } = isValueType;
}
