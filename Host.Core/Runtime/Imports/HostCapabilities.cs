using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using ExtensibilityHost.Core.Runtime.Imports.Logging;
using ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Runtime.Imports;

/// <summary>
/// The host's capabilities without dependency injection (the <c>ext</c> CLI, benchmarks): the same
/// set <c>AddExtensibilityHost</c> registers through <c>AddLoggingCapability</c>,
/// <c>AddKeyValueCapability</c>, <c>AddConfigCapability</c>, <c>AddOutboundHttpCapability</c> and <c>AddWasiCapability</c>.
/// </summary>
public static class HostCapabilities
{
    /// <summary>
    /// Logging, key-value over <paramref name="keyValue"/>, config over <paramref name="config"/>, outbound
    /// HTTP to the origins of <paramref name="outboundOrigins"/> (none when null), and WASI under <paramref name="wasi"/>.
    /// </summary>
    /// <param name="keyValue">Storage behind the <c>key-value</c> import.</param>
    /// <param name="config">Settings behind the <c>config</c> import.</param>
    /// <param name="keyValueOptions">Caps of the <c>key-value</c> import (defaults when null).</param>
    /// <param name="wasi">The WASI allow-list (<see cref="WasiPolicy.Default"/> when null).</param>
    /// <param name="outboundOrigins">The allow-lists of the <c>outbound-http</c> import (an empty one when null: every request is forbidden).</param>
    /// <param name="outboundHttpOptions">Caps of the <c>outbound-http</c> import (defaults when null).</param>
    public static IHostCapability[] Standard(
        IKeyValueStore keyValue,
        IConfigSource config,
        KeyValueOptions? keyValueOptions = null,
        WasiPolicy? wasi = null,
        IOutboundOriginSource? outboundOrigins = null,
        OutboundHttpOptions? outboundHttpOptions = null)
    {
        ArgumentNullException.ThrowIfNull(keyValue);
        ArgumentNullException.ThrowIfNull(config);
        return
        [
            new LoggingCapability(),
            new KeyValueCapability(keyValue, Options.Create(keyValueOptions ?? new KeyValueOptions())),
            new ConfigCapability(config),
            new OutboundHttpCapability(
                outboundOrigins ?? new InMemoryOutboundOriginSource(),
                Options.Create(outboundHttpOptions ?? new OutboundHttpOptions()),
                NullLogger<OutboundHttpCapability>.Instance),
            new WasiCapability(wasi ?? WasiPolicy.Default),
        ];
    }
}
