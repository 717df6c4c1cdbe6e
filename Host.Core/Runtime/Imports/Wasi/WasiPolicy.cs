using System.Collections.Immutable;
using ExtensibilityHost.Core.Components;

namespace ExtensibilityHost.Core.Runtime.Imports.Wasi;

/// <summary>
/// The deployment's WASI allow-list: which WASI 0.2 interfaces a component may import. Checked at
/// upload (a refused interface is named in the problem), shown in review, and re-checked before
/// a compiled component runs, so narrowing the list also stops versions approved before.
/// </summary>
public sealed class WasiPolicy
{
    private readonly ImmutableHashSet<string> _allowed;

    /// <summary>Creates the policy of <paramref name="options"/>.</summary>
    public WasiPolicy(WasiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Enabled = options.Enabled;
        AllowedInterfaces = Enabled
            ? [.. (options.AllowedInterfaces ?? WasiInterfaces.DefaultAllowed).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]
            : [];
        _allowed = [.. AllowedInterfaces];
    }

    /// <summary>The defaults: WASI on, <see cref="WasiInterfaces.DefaultAllowed"/>.</summary>
    public static WasiPolicy Default { get; } = new(new WasiOptions());

    /// <summary>Whether WASI is linked at all.</summary>
    public bool Enabled { get; }

    /// <summary>The interfaces allowed, without version, ordered by name.</summary>
    public ImmutableArray<string> AllowedInterfaces { get; }

    /// <summary>Why <paramref name="importName"/> (a WASI import) may not be imported, or <see langword="null"/> if it may.</summary>
    /// <param name="importName">The versioned import name, e.g. <c>wasi:sockets/tcp@0.2.12</c>.</param>
    public ConformanceProblem? Check(string importName)
    {
        ArgumentNullException.ThrowIfNull(importName);
        if (!Enabled)
        {
            return new ConformanceProblem(
                ConformanceProblem.WasiNotAllowed,
                importName,
                $"The component imports '{importName}', but WASI is turned off on this host ({WasiOptions.SectionName}:Enabled is false). "
                + "Build it without WASI (no std I/O, clocks or random), e.g. for wasm32-unknown-unknown.");
        }

        if (!WasiInterfaces.IsSupportedVersion(importName))
        {
            return new ConformanceProblem(
                ConformanceProblem.WasiVersionUnsupported,
                importName,
                $"The component imports '{importName}'; this host serves WASI {WasiInterfaces.SupportedVersion} (imports versioned "
                + $"{WasiInterfaces.SupportedVersion}.x). Build for WASI 0.2 (wasm32-wasip2, or wasm32-wasip1 with the 0.2 adapter).");
        }

        var unversioned = WasiInterfaces.Unversioned(importName);
        if (_allowed.Contains(unversioned))
        {
            return null;
        }

        var allowed = AllowedInterfaces.IsEmpty ? "none" : string.Join(", ", AllowedInterfaces);
        return new ConformanceProblem(
            ConformanceProblem.WasiNotAllowed,
            importName,
            $"The component imports '{importName}', which this host does not allow. Allowed WASI interfaces: {allowed}. "
            + $"Remove what uses {unversioned} (or the operator adds it to {WasiOptions.SectionName}:AllowedInterfaces).");
    }
}
