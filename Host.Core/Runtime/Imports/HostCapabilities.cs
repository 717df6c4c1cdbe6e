using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using ExtensibilityHost.Core.Runtime.Imports.Logging;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Runtime.Imports;

/// <summary>
/// The host's capabilities without dependency injection (the <c>ext</c> CLI, benchmarks): the same
/// set <c>AddExtensibilityHost</c> registers through <c>AddLoggingCapability</c>,
/// <c>AddKeyValueCapability</c>, <c>AddConfigCapability</c> and <c>AddWasiCapability</c>.
/// </summary>
public static class HostCapabilities
{
    /// <summary>Logging, key-value over <paramref name="keyValue"/>, config over <paramref name="config"/>, and WASI under <paramref name="wasi"/>.</summary>
    /// <param name="keyValue">Storage behind the <c>key-value</c> import.</param>
    /// <param name="config">Settings behind the <c>config</c> import.</param>
    /// <param name="keyValueOptions">Caps of the <c>key-value</c> import (defaults when null).</param>
    /// <param name="wasi">The WASI allow-list (<see cref="WasiPolicy.Default"/> when null).</param>
    public static IHostCapability[] Standard(IKeyValueStore keyValue, IConfigSource config, KeyValueOptions? keyValueOptions = null, WasiPolicy? wasi = null)
    {
        ArgumentNullException.ThrowIfNull(keyValue);
        ArgumentNullException.ThrowIfNull(config);
        return
        [
            new LoggingCapability(),
            new KeyValueCapability(keyValue, Options.Create(keyValueOptions ?? new KeyValueOptions())),
            new ConfigCapability(config),
            new WasiCapability(wasi ?? WasiPolicy.Default),
        ];
    }
}
