using System.Collections.Immutable;

namespace ExtensibilityHost.Core.Runtime.Imports.Wasi;

/// <summary>The WASI 0.2 interfaces the host can provide (Wasmtime's <c>AddWasiPreview2</c>), and how their import names are read.</summary>
public static class WasiInterfaces
{
    /// <summary>The one WASI version line served: any <c>0.2.x</c> import links to Wasmtime's implementation.</summary>
    public const string SupportedVersion = "0.2";

    /// <summary>Every WASI 0.2 interface Wasmtime provides, without version, ordered by name.</summary>
    public static ImmutableArray<string> Known { get; } =
    [
        "wasi:cli/environment",
        "wasi:cli/exit",
        "wasi:cli/stderr",
        "wasi:cli/stdin",
        "wasi:cli/stdout",
        "wasi:cli/terminal-input",
        "wasi:cli/terminal-output",
        "wasi:cli/terminal-stderr",
        "wasi:cli/terminal-stdin",
        "wasi:cli/terminal-stdout",
        "wasi:clocks/monotonic-clock",
        "wasi:clocks/wall-clock",
        "wasi:filesystem/preopens",
        "wasi:filesystem/types",
        "wasi:io/error",
        "wasi:io/poll",
        "wasi:io/streams",
        "wasi:random/insecure",
        "wasi:random/insecure-seed",
        "wasi:random/random",
        "wasi:sockets/instance-network",
        "wasi:sockets/ip-name-lookup",
        "wasi:sockets/network",
        "wasi:sockets/tcp",
        "wasi:sockets/tcp-create-socket",
        "wasi:sockets/udp",
        "wasi:sockets/udp-create-socket",
    ];

    /// <summary>
    /// Allowed unless configured otherwise: everything standard toolchains import (Rust std and
    /// Go through the WASI adapter, componentize-js), none of which grants anything by itself
    /// since calls get no directories, environment, arguments or input. Not <c>wasi:sockets</c>.
    /// </summary>
    public static ImmutableArray<string> DefaultAllowed { get; } = [.. Known.Where(name => !name.StartsWith("wasi:sockets/", StringComparison.Ordinal))];

    /// <summary>Whether an import name belongs to a WASI package.</summary>
    public static bool IsWasi(string importName)
    {
        ArgumentNullException.ThrowIfNull(importName);
        return importName.StartsWith("wasi:", StringComparison.Ordinal);
    }

    /// <summary>The interface name without its version: <c>wasi:cli/stdout@0.2.12</c> → <c>wasi:cli/stdout</c>.</summary>
    public static string Unversioned(string importName)
    {
        ArgumentNullException.ThrowIfNull(importName);
        var at = importName.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? importName : importName[..at];
    }

    /// <summary>Whether the import's version is one this host serves (<c>0.2.x</c>).</summary>
    public static bool IsSupportedVersion(string importName)
    {
        ArgumentNullException.ThrowIfNull(importName);
        var at = importName.IndexOf('@', StringComparison.Ordinal);
        return at >= 0 && importName.AsSpan(at + 1).StartsWith(SupportedVersion + ".", StringComparison.Ordinal);
    }
}
