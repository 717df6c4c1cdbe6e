using System.Text.Json;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.ExtensionPoints;

/// <summary>A configured extension point, resolved: what it calls, with which limits, and what failure gives.</summary>
public sealed record ExtensionPointDefinition
{
    /// <summary>The point's name, e.g. <c>pricing.discount</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Typed or generic.</summary>
    public required ExtensionPointKind Kind { get; init; }

    /// <summary>The export called in the tenant's component.</summary>
    public required InvocationTarget Target { get; init; }

    /// <summary>The limits of each call.</summary>
    public required SandboxLimits Limits { get; init; }

    /// <summary>What the caller gets when the tenant's code fails.</summary>
    public required ExtensionPointFailurePolicy FailurePolicy { get; init; }

    /// <summary>The output returned on failure by a fail-open point.</summary>
    public JsonElement? Default { get; init; }
}
