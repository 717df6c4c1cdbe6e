namespace ExtensibilityHost.Core.ExtensionPoints;

/// <summary>One extension point (section <c>ExtensibilityHost:ExtensionPoints:&lt;name&gt;</c>).</summary>
public sealed class ExtensionPointOptions
{
    /// <summary>Typed (a domain interface's function) or generic (the <c>extension-point</c> world).</summary>
    public ExtensionPointKind Kind { get; set; } = ExtensionPointKind.Typed;

    /// <summary>Typed points: the exported interface, e.g. <c>acme:shop/pricing@1.0.0</c>.</summary>
    public string? Interface { get; set; }

    /// <summary>Typed points: the function, e.g. <c>discount</c>.</summary>
    public string? Function { get; set; }

    /// <summary>Wall-clock limit of a call in milliseconds; the runtime's default when not set.</summary>
    public int? TimeoutMs { get; set; }

    /// <summary>Memory limit of a call in MiB; the runtime's default when not set.</summary>
    public int? MemoryMb { get; set; }

    /// <summary>Fuel budget of a call, honoured when the engine meters fuel.</summary>
    public ulong? Fuel { get; set; }

    /// <summary>What the caller gets when the tenant's code fails.</summary>
    public ExtensionPointFailurePolicy FailurePolicy { get; set; } = ExtensionPointFailurePolicy.FailClosed;

    /// <summary>
    /// The output returned instead of a failure under <see cref="ExtensionPointFailurePolicy.FailOpen"/>,
    /// as JSON text (e.g. <c>"{\"discount\": {\"tag\": \"none\"}, \"skus\": [], \"note\": null}"</c>): a
    /// configuration value is a string, so the JSON is written as one. Required for fail-open points.
    /// </summary>
    public string? Default { get; set; }
}
