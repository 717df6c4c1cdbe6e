namespace ExtensibilityHost.Core.ExtensionPoints;

/// <summary>The answer of an extension point, deserialized (<see cref="IExtensionPoints.InvokeAsync{TInput, TOutput}"/>).</summary>
/// <typeparam name="TOutput">The output type.</typeparam>
public sealed record ExtensionPointResult<TOutput>
{
    /// <summary>Everything about the call, with the output as JSON.</summary>
    public required ExtensionPointResult Result { get; init; }

    /// <summary>The output (the tenant's answer or the fail-open default); <c>default</c> when there is none.</summary>
    public TOutput? Output { get; init; }

    /// <summary>Whether the caller has an output to go on with.</summary>
    public bool Succeeded => Result.Succeeded;
}
