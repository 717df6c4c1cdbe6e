namespace ExtensibilityHost.Sdk.Client;

/// <summary>An extension point's answer with its output read as <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The output type.</typeparam>
public sealed record ExtensionPointResult<T> : ExtensionPointResult
{
    /// <summary>The output as <typeparamref name="T"/> (the extension's, or the default).</summary>
    public T? Value { get; init; }
}
