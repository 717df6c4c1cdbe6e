using System.Collections.Frozen;
using System.Text.Json;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Runtime.Imports;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.ExtensionPoints;

/// <summary>The configured extension points (<see cref="ExtensionPointsOptions"/>), resolved once at start-up.</summary>
public sealed class ExtensionPointRegistry
{
    private const long Mebibyte = 1024 * 1024;

    private readonly FrozenDictionary<string, ExtensionPointDefinition> _points;

    /// <summary>Resolves the configured points; the runtime's default limits fill what a point does not set.</summary>
    public ExtensionPointRegistry(IOptions<ExtensionPointsOptions> options, IOptions<RuntimeOptions> runtime)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runtime);
        var defaults = runtime.Value.DefaultLimits;
        _points = options.Value.Points
            .Select(pair => Resolve(pair.Key, pair.Value, defaults))
            .ToFrozenDictionary(point => point.Name, StringComparer.Ordinal);
    }

    /// <summary>Every configured point.</summary>
    public IReadOnlyCollection<ExtensionPointDefinition> Points => _points.Values;

    /// <summary>The point named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public ExtensionPointDefinition? Find(string name) => _points.GetValueOrDefault(name);

    private static ExtensionPointDefinition Resolve(string name, ExtensionPointOptions point, SandboxLimits defaults) => new()
    {
        Name = name,
        Kind = point.Kind,
        Target = point.Kind == ExtensionPointKind.Generic
            ? new InvocationTarget(HostInterfaces.ExtensionPoint, "invoke")
            : new InvocationTarget(point.Interface!, point.Function!),
        Limits = defaults with
        {
            Timeout = point.TimeoutMs is { } timeout ? TimeSpan.FromMilliseconds(timeout) : defaults.Timeout,
            MemoryBytes = point.MemoryMb is { } memory ? memory * Mebibyte : defaults.MemoryBytes,
            Fuel = point.Fuel ?? defaults.Fuel,
        },
        FailurePolicy = point.FailurePolicy,
        Default = point.Default is { } json ? Parse(json) : null,
    };

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
