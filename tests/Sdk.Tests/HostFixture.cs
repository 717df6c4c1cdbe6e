using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using ExtensibilityHost.Sdk.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary>
/// The real host on Kestrel (loopback), for what talks to it over HTTP: the <c>ext</c> verbs and
/// the .NET client. The run-time API tests' settings (<see cref="RuntimeApiFixture.Settings"/>)
/// and a point with too little memory for any toolchain guest; it also serves the example world
/// <c>acme:shop/pricing-extension</c> (<see cref="AcmePricingWorld"/>), so <c>js-pricing.wasm</c> can be uploaded. Key-value entries live in memory;
/// the component <see cref="FaultyKeyValueComponent"/>'s store fails, the way a database outage would.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    /// <summary>A component whose key-value calls fail in the host (a host error).</summary>
    public const string FaultyKeyValueComponent = "kv-fault";

    public ApiHost Host { get; } = new(
        new Dictionary<string, string?>(RuntimeApiFixture.Settings())
        {
            // 1 MiB: less than any toolchain guest's initial memory, so its instantiation fails.
            ["ExtensibilityHost:ExtensionPoints:tiny.memory:Kind"] = "Generic",
            ["ExtensibilityHost:ExtensionPoints:tiny.memory:MemoryMb"] = "1",
            ["ExtensibilityHost:ExtensionPoints:tiny.memory:TimeoutMs"] = "5000",
        },
        services =>
        {
            services.AddSingleton<IKeyValueStore>(new FaultyKeyValueStore(new InMemoryKeyValueStore(new KeyValueOptions())));
            services.AddSingleton(AcmePricingWorld.Catalog);
        },
        kestrel: true);

    public Uri Address => Host.BaseAddress;

    public async ValueTask InitializeAsync() => await Host.StartAsync();

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    /// <summary>
    /// The .NET client as an application registers it (<c>AddExtensibilityHostClient</c>: typed
    /// client, resilience handler), with <paramref name="key"/>. Dispose the provider.
    /// </summary>
    public ServiceProvider ClientServices(string key, Action<IHttpClientBuilder>? configure = null) => ClientServices(Address, key, configure);

    public static ServiceProvider ClientServices(Uri address, string key, Action<IHttpClientBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddExtensibilityHostClient(options =>
        {
            options.BaseAddress = address;
            options.ApiKey = key;
            // Longer than the host's 60 s compile budget: an upload of a large guest on a busy machine
            // ends at the host's budget (a 422), not at the client's timeout.
            options.RequestTimeout = TimeSpan.FromSeconds(150);
        });
        configure?.Invoke(builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private sealed class FaultyKeyValueStore(IKeyValueStore inner) : IKeyValueStore
    {
        public byte[]? Get(KeyValueScope scope, string key) => Fail(scope) ?? inner.Get(scope, key);

        public string? Set(KeyValueScope scope, string key, byte[] value) => Fail(scope) is null ? inner.Set(scope, key, value) : null;

        public void Delete(KeyValueScope scope, string key)
        {
            Fail(scope);
            inner.Delete(scope, key);
        }

        private static byte[]? Fail(KeyValueScope scope) => scope.ComponentName == FaultyKeyValueComponent
            ? throw new InvalidOperationException("the key-value database is unreachable")
            : null;
    }
}

/// <summary>The tests that run <c>ext</c> against the host: they share it and the <c>EXTHOST_*</c> environment, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ExtRemoteCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "ext-remote";
}

/// <summary>The .NET client's tests, on a host of their own.</summary>
[CollectionDefinition(Name)]
public sealed class ClientCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "client";
}
