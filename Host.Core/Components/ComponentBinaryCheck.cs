namespace ExtensibilityHost.Core.Components;

/// <summary>The verdict of <see cref="ComponentBinary.Check"/>.</summary>
/// <param name="Format">What the bytes look like.</param>
/// <param name="Error">Why they cannot be compiled as a component; <see langword="null"/> for a component.</param>
public sealed record ComponentBinaryCheck(ComponentBinaryFormat Format, ComponentLoadError? Error)
{
    /// <summary>Whether the bytes look like a complete component and are worth compiling.</summary>
    public bool IsComponent => Error is null;
}
