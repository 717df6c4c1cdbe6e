using Microsoft.Data.Sqlite;

namespace ExtensibilityHost.Core.Tests.Invocations;

/// <summary>
/// One <see cref="EmbeddedHost"/> shared by the invocation and extension point tests, over a fresh
/// temporary data directory, configured with small caps and thresholds so tests reach them quickly.
/// Tests keep apart by using their own tenants (<see cref="NewTenantId"/>).
/// </summary>
public sealed class InvocationFixture : IAsyncLifetime
{
    public const int FailuresBeforeSuspension = 3;
    public const int MaxEntriesPerComponent = 3;
    public const int MaxKeyBytes = 16;
    public const int MaxValueBytes = 64;

    /// <summary>Tenants whose concurrency limit is 1.</summary>
    public static readonly string[] NarrowTenants = ["narrow-a", "narrow-b", "narrow-c"];

    private readonly Dictionary<string, byte[]> _wasm = [];
    private readonly Lock _lock = new();

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("exthost-invocations-").FullName;

    public EmbeddedHost Host { get; private set; } = null!;

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["ExtensibilityHost:Invocations:FailuresBeforeSuspension"] = $"{FailuresBeforeSuspension}",
        ["ExtensibilityHost:Invocations:TenantConcurrency:narrow-a"] = "1",
        ["ExtensibilityHost:Invocations:TenantConcurrency:narrow-b"] = "1",
        ["ExtensibilityHost:Invocations:TenantConcurrency:narrow-c"] = "1",
        ["ExtensibilityHost:KeyValue:MaxEntriesPerComponent"] = $"{MaxEntriesPerComponent}",
        ["ExtensibilityHost:KeyValue:MaxKeyBytes"] = $"{MaxKeyBytes}",
        ["ExtensibilityHost:KeyValue:MaxValueBytes"] = $"{MaxValueBytes}",
        ["ExtensibilityHost:ExtensionPoints:echo.closed:Kind"] = "Generic",
        ["ExtensibilityHost:ExtensionPoints:echo.closed:TimeoutMs"] = "100",
        ["ExtensibilityHost:ExtensionPoints:echo.open:Kind"] = "Generic",
        ["ExtensibilityHost:ExtensionPoints:echo.open:TimeoutMs"] = "100",
        ["ExtensibilityHost:ExtensionPoints:echo.open:FailurePolicy"] = "FailOpen",
        ["ExtensibilityHost:ExtensionPoints:echo.open:Default"] = """{"fallback": true}""",
        ["ExtensibilityHost:ExtensionPoints:pricing.discount:Interface"] = "acme:shop/pricing@1.0.0",
        ["ExtensibilityHost:ExtensionPoints:pricing.discount:Function"] = "discount",
        ["ExtensibilityHost:ExtensionPoints:pricing.discount:TimeoutMs"] = "5000",
        ["ExtensibilityHost:ExtensionPoints:pricing.discount:MemoryMb"] = "64",
        ["ExtensibilityHost:ExtensionPoints:pricing.discount:FailurePolicy"] = "FailOpen",
        ["ExtensibilityHost:ExtensionPoints:pricing.discount:Default"] = """{"discount": {"tag": "none"}, "skus": [], "note": null}""",
    };

    public static string NewTenantId() => "t-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A WAT guest from tests/guests/wat as a component binary.</summary>
    public byte[] Wat(string name)
    {
        lock (_lock)
        {
            if (!_wasm.TryGetValue(name, out var bytes))
            {
                bytes = WatText.ToBinary(Guests.Wat(name));
                _wasm[name] = bytes;
            }

            return bytes;
        }
    }

    public static byte[] JsPricing() => File.ReadAllBytes(Guests.Built("js-pricing.wasm"));

    /// <summary>Another host (engine, runner, caches) over the same database and blobs.</summary>
    public Task<EmbeddedHost> StartAnotherHostAsync() => EmbeddedHost.StartAsync(new Dictionary<string, string?>(EmbeddedHost.SmallPools.Concat(Settings)), DataDirectory);

    public async ValueTask InitializeAsync() => Host = await EmbeddedHost.StartAsync(new Dictionary<string, string?>(EmbeddedHost.SmallPools.Concat(Settings)), DataDirectory);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class InvocationCollection : ICollectionFixture<InvocationFixture>
{
    public const string Name = "invocations";
}
